"""SkillsApp: workers' skills competitions and talent registry for trade unions."""

__version__ = "0.1.0"
