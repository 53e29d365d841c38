"""Certificates: templates and their assets, who gets a certificate, issuing and
reprinting the PDFs, the register, the organisation's signing key, and verifying a
certificate from its QR code.
"""
