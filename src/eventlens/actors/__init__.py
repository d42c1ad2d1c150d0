"""Actors: dictionaries, fast matching, noun-phrase coding and within-document coreference."""
