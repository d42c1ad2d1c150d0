"""eventlens: political event data (CAMEO and PLOVER) from news text."""

__version__ = "0.1.0"
