"""anil: the Conta Azul Pro API, self-hosted. `import anil.sdk` must stay free of server dependencies."""

__version__ = "0.1.0"
