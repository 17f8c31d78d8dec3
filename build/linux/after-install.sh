#!/bin/bash
# The deb package's post-install script. electron-builder fills in the names in ${...}; shell
# variables below are written without braces so that it leaves them alone.
set -u
app_dir='/opt/${sanitizedProductName}'
exe='${executable}'

# The kiosk's command on PATH, through the alternatives system where there is one.
if command -v update-alternatives >/dev/null 2>&1; then
  update-alternatives --install "/usr/bin/$exe" "$exe" "$app_dir/$exe" 100 ||
    ln -sf "$app_dir/$exe" "/usr/bin/$exe"
else
  ln -sf "$app_dir/$exe" "/usr/bin/$exe"
fi

# Chromium's sandbox needs user namespaces; where the kernel does not offer them, its helper
# must be setuid root instead.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$app_dir/chrome-sandbox" || true
else
  chmod 4755 "$app_dir/chrome-sandbox" || true
fi

# Ubuntu 24.04 allows user namespaces only to programs with an AppArmor profile: install the
# packaged one where this AppArmor understands it (older releases run without it).
profile="$app_dir/resources/apparmor-profile"
if [ -f "$profile" ] && command -v apparmor_parser >/dev/null 2>&1 &&
  apparmor_status --enabled >/dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --debug "$profile" >/dev/null 2>&1; then
    cp -f "$profile" "/etc/apparmor.d/$exe"
    # Loading a profile means nothing inside a chroot (an image being prepared).
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
      apparmor_parser --replace --write-cache --skip-read-cache "/etc/apparmor.d/$exe" || true
    fi
  else
    echo "AppArmor here does not read the kiosk's profile; it runs without one."
  fi
fi

if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database /usr/share/applications || true
fi

# Visitors' sheets must not stay in the print spool. A failure here (CUPS not running while an
# image is prepared) does not fail the installation: the script says what to run later.
sh "$app_dir/resources/deploy/configure-cups.sh" || true
