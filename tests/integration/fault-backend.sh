#!/bin/sh
# A CUPS backend for tests that injects printer faults. Its device URI says what to do:
#   fault:/print       print at once
#   fault:/slow/N      take N seconds, then print (a job still under way when a fault hits)
#   fault:/fail        the device fails: exit with an error
# "Printing" copies the job's data to OUT_DIR/job-<id>.prn, so a test can see whether a sheet
# came out and when. The test harness fills in OUT_DIR when it installs this file.
OUT_DIR=@OUT_DIR@

if [ $# -eq 0 ]; then
  echo 'direct fault "Unknown" "Fault-injecting test device"'
  exit 0
fi

mode=$(echo "$DEVICE_URI" | cut -d/ -f2)
seconds=$(echo "$DEVICE_URI" | cut -d/ -f3)
echo "INFO: fault backend: $mode ${seconds:-0} s for job $1" >&2
[ -n "$6" ] && exec 0<"$6"

case "$mode" in
  print) ;;
  slow) sleep "${seconds:-5}" ;;
  fail) echo "ERROR: fault backend: the device failed" >&2; exit 1 ;;
  *) echo "ERROR: fault backend: unknown mode $mode" >&2; exit 1 ;;
esac
cat > "$OUT_DIR/job-$1.prn.part" && mv "$OUT_DIR/job-$1.prn.part" "$OUT_DIR/job-$1.prn"
