"""What goes into the wheel; everything else about the package is in pyproject.toml.

The data Nilai reads at run time lives at the top of the repository, in resources/, where
translators, instrument authors and installer/nilai.spec find it. A wheel holds packages only, so
the folder is mapped to the package directory app/resources/ there (package_dir below): the same
files, one place in the source, no copy to keep in step. app.base.paths.resources_dir() looks in
app/resources/ first, then in the checkout's resources/. pyproject.toml cannot express the
mapping beside automatic package discovery, hence this file.
"""

from setuptools import find_packages, setup

# Translation sources and the tools that make them stay in the repository (installer/nilai.spec
# leaves out the same).
SOURCE_ONLY = ["**/*.ts", "**/*.sh", "**/*.pro", "**/*.py"]

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app.resources"],
    package_dir={"app.resources": "resources"},
    package_data={
        "app.resources": ["**/*"],
        # Read as files by Alembic at run time, not imported: versions/ is no package.
        "app.store.migrations": ["env.py", "script.py.mako", "versions/*.py"],
    },
    exclude_package_data={"app.resources": SOURCE_ONLY},
    # Exactly the data listed above; the default would also take every file in a package folder and
    # warn about the plain folders (fonts/, versions/, ...) that are data, not packages.
    include_package_data=False,
)
