#!/bin/sh
# The worked example of docs/example.md, end to end on the committed files:
# patch the frozen network's test mistakes with ftcheck finetune, keep every
# training point exactly, export g and f+g, verify exactly, count accuracy.
#
#   sh docs/example/run.sh            # writes docs/example/out/ (not committed)
#   FTCHECK=/path/to/ftcheck sh docs/example/run.sh
#
# Needs only Go (or an ftcheck binary): the Python step (train.py) made the
# committed model and data files.
set -eu
cd "$(dirname "$0")"
if [ -z "${FTCHECK:-}" ]; then
	go build -o out/ftcheck ../../cmd/ftcheck
	FTCHECK=out/ftcheck
fi
mkdir -p out
ft() { echo "\$ ftcheck $*" >&2; "$FTCHECK" "$@"; }

# acc DATA OUTPUTS: how many exact outputs (one a line, as eval prints them)
# have the sign of the labels y = ±1 of the CSV DATA: "right/total".
acc() {
	tail -n +2 "$1" | awk -F, '{print $NF}' | paste -d' ' - "$2" |
		awk '{s = ($2 ~ /^-/) ? -1 : (($2 == "0") ? 0 : 1); if (s == $1) r++; n++} END {print r "/" n}'
}

echo "== 2-layer g, model.safetensors, CSV data; g and f+g as .safetensors"
ft finetune -net model.safetensors -data patch.csv -keep keep.csv -heldout heldout.csv \
	-out out/g.safetensors -merged out/fg.safetensors
echo "== the same from model.npz, .npz/.npy data; g and f+g as .npz"
ft finetune -net model.npz -data patch.npz -keep keep.npy -heldout heldout.npy \
	-out out/g.npz -merged out/fg.npz
echo "== float32 exports"
ft finetune -net model.safetensors -data patch.csv -keep keep.csv -dtype F32 \
	-out out/g32.safetensors -merged out/fg32.safetensors
echo "== exact exports (JSON), verified exactly"
ft finetune -net model.safetensors -data patch.csv -keep keep.csv -out out/g.json -merged out/fg.json
ft verify -net out/fg.json -data patch.csv
ft verify -net out/g.json -base model.safetensors -data patch.csv
# f+g = f on every kept point: g's targets there are z = 0, and f+g's labels are f(x).
sed '1s/$/,z/; 2,$s/$/,0/' keep.csv >out/keep_z0.csv
ft verify -net out/g.json -data out/keep_z0.csv
"$FTCHECK" eval -net model.safetensors -data keep.npy >out/keep_fx.txt
{ head -n 1 keep.csv | sed 's/$/,y/'; tail -n +2 keep.csv | paste -d, - out/keep_fx.txt; } >out/keep_f.csv
ft verify -net out/fg.json -data out/keep_f.csv
echo "== 3-layer g"
ft finetune -depth 3 -net model.safetensors -data patch.csv -keep keep.csv -heldout heldout.csv \
	-out out/g3.json -merged out/fg3.json
ft verify -net out/fg3.json -data patch.csv
ft verify -net out/fg3.json -data out/keep_f.csv
echo "== the float64 export, read back: its exact outputs are not the labels (rounded weights)"
ft verify -net out/fg.safetensors -data patch.csv || echo "(exit $?: expected, see docs/example.md)"

echo "== accuracy (sign of the exact output against y)"
for net in model.safetensors out/fg.json out/fg.safetensors out/fg.npz out/fg32.safetensors out/fg3.json; do
	"$FTCHECK" eval -net "$net" -data train.csv >out/train_out.txt
	"$FTCHECK" eval -net "$net" -data test.csv >out/test_out.txt
	echo "$net: train $(acc train.csv out/train_out.txt), test $(acc test.csv out/test_out.txt)"
done
