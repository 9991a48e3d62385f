"""Reading the running text (正文): front matter, contents, organisation, narrative, other matters."""
