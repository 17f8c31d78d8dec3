#!/bin/sh
# Makes CUPS drop a print job's document as soon as the job ends, so that nothing of a
# visitor's sheet stays in the spool to be printed again (docs/printing.md). The kiosk removes
# each of its own jobs when it ends; this covers a kiosk that crashed before it could, and a
# print policy that does not let the kiosk's user remove jobs. Only an administrator may change
# it, so the package's post-install runs this as root; IT may run it again at any time:
#
#   sudo "/opt/CitizenSec Kiosk/resources/deploy/configure-cups.sh"
set -u

if ! command -v cupsctl >/dev/null 2>&1; then
  echo "configure-cups: cupsctl is missing (Debian: cups-client). Once it is installed, run:" >&2
  echo "  sudo cupsctl PreserveJobFiles=No" >&2
  exit 1
fi
if cupsctl PreserveJobFiles=No; then
  echo "configure-cups: CUPS now drops each job's document when the job ends (PreserveJobFiles No)."
  exit 0
fi
echo "configure-cups: CUPS could not be configured (is it running?). Once it runs, run:" >&2
echo "  sudo cupsctl PreserveJobFiles=No" >&2
exit 1
