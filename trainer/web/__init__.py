"""The web app, one package per part of the site.

`core` is what every page shares (the catalog, files, links, display settings, guards,
errors, headers); `reading`, `listening`, `hall`, `members` and `certification` each hold
their views, template helpers and templates, and register them in their `init_app(app)`.
Template globals are pure: views pass templates whatever comes from the database.
"""
