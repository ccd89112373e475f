"""Everything that leaves the app as a file: CSV (``csv``), chart images (``images``), the
slide deck (``deck``) and the factsheet (``factsheet``). Exports may use the view models;
views never import exports."""
