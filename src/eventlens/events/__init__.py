"""Events: predicates, the pattern dictionary, negation/modality, assembly and explanations."""
