"""The API's read functions, one module per aggregate; each returns a response model."""
