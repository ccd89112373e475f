"""Loaders for CBS data: live OData (v3, v4) clients and readers for downloaded raw files."""
