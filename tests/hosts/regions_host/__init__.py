"""A Wagtail site of someone else's that installs only `regions` with the apps below it (`themes`,
`core`): no `knowledge`, no `search`, none of the project's own settings."""
