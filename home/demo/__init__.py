"""Demo content: the seed data (``seed_data``), its loader (``loader``), placeholder images
(``images``) and random data for scale tests (``random_data``)."""
