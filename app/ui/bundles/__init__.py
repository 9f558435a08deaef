"""Result bundles in the desktop: choosing what goes in and exporting it."""
