#!/bin/sh
# Install Nilai for the current user (no root needed), from the unpacked archive:
#     ./install.sh              install or update
#     ./install.sh --uninstall  remove the program (your assessments, identity and backups stay)
# The program goes to ~/.local/share/nilai-program, a menu entry to ~/.local/share/applications,
# the icon to ~/.local/share/icons, and a `nilai` command to ~/.local/bin. Your data lives apart,
# in ~/.local/share/Nilai, and is never touched by installing, updating or uninstalling.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
target=$share/nilai-program
bin=$HOME/.local/bin
desktop=$share/applications/nilai.desktop
icon=$share/icons/hicolor/256x256/apps/nilai.png

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target" "$desktop" "$icon"
  [ -L "$bin/nilai" ] && rm -f "$bin/nilai"
  refresh
  echo "Nilai was removed. Your data is still in $share/Nilai (delete it yourself if you are sure)."
  exit 0
fi

[ -x "$here/nilai/nilai" ] || { echo "install.sh: run me from the unpacked Nilai archive (nilai/nilai is missing)" >&2; exit 1; }
mkdir -p "$share" "$bin" "$(dirname "$desktop")" "$(dirname "$icon")"
# Copy beside the old version first, then swap: an interrupted update leaves the old one working.
rm -rf "$target.new" "$target.old"
cp -a "$here/nilai" "$target.new"
[ -d "$target" ] && mv "$target" "$target.old"
mv "$target.new" "$target"
rm -rf "$target.old"
cp "$here/nilai.png" "$icon"
sed -e "s|^Exec=.*|Exec=\"$target/nilai\"|" -e "s|^Icon=.*|Icon=$icon|" "$here/nilai.desktop" > "$desktop"
chmod 644 "$desktop"
ln -sfn "$target/nilai" "$bin/nilai"
refresh
echo "Nilai $("$target/nilai" --version | cut -d' ' -f2) is installed: find it in the applications menu, or run: $bin/nilai"
case ":$PATH:" in *":$bin:"*) ;; *) echo "(add $bin to your PATH to type 'nilai' in a terminal)";; esac
