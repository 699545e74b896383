"""What both pipelines know about languages: table, segmentation, abbreviations, tags, dates."""
