"""Scorers for gold data: expected-json (the seed), cameo-class, cameo-ner, plover-gsr."""
