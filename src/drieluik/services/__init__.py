"""Services: the use cases of drieluik. They take an open `Vault`, return plain
dataclasses (`services.types`) and never import Textual.
"""
