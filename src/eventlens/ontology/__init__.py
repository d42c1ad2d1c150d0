"""Event ontologies: CAMEO codes with Goldstein scores, quad classes and PLOVER mapping."""
