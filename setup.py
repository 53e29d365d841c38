"""Only what pyproject.toml cannot say: install resources/ as skillsapp/resources."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["skillsapp", "skillsapp.*"]), "skillsapp.resources"],
    package_dir={"skillsapp.resources": "resources"},
)
