"""Language support: spaCy languages (our own ``kk``), segmentation, lemmas and stems per language."""
