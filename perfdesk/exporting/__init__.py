"""Exporting forms to files colleagues open in Excel/WPS and Word, laid out like the print."""
