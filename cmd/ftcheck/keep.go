package main

// The points of finetune beside its data: -keep (f+g must equal f there:
// rows with label f(x), target z = 0), -heldout (points g is measured on),
// and the labels that differ from f(x) by a float rounding only.

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ftcheck/ftcheck/oracle"
)

// readPointSet reads a -keep or -heldout file and checks it against f: the
// input dimension, the growth of f's exact evaluation, distinct points.
func readPointSet(path, flagName string, f *oracle.Network, netPath string, lim *oracle.Limits, mo *modelOpts) ([][]*big.Rat, error) {
	X, err := readPoints(path, flagName, lim, mo)
	if err != nil {
		return nil, err
	}
	if d := len(X[0]); d != f.InputDim() {
		return nil, usageErr("%s: %s has points of %d coordinates, but the network %s takes %d inputs", flagName, path, d, netPath, f.InputDim())
	}
	if err := checkGrowth(f, netPath, path, &oracle.Data{X: X, Lines: rowNumbers(len(X))}, lim); err != nil {
		return nil, err
	}
	if err := oracle.CheckDistinct(X); err != nil {
		return nil, usageErr("%s: %s: %v", flagName, path, err)
	}
	return X, nil
}

// rowNumbers are 1..k, the Lines of points read from arrays.
func rowNumbers(k int) []int {
	l := make([]int, k)
	for i := range l {
		l[i] = i + 1
	}
	return l
}

// checkNoOverlap refuses a point both kept and to be changed: its label
// would be at once f(x) and the data's y.
func checkNoOverlap(dataPath string, d *oracle.Data, keepPath string, keep [][]*big.Rat) error {
	rows := make(map[string]int, d.K())
	for i, x := range d.X {
		rows[pointKey(x)] = i + 1
	}
	for j, x := range keep {
		if i, ok := rows[pointKey(x)]; ok {
			return usageErr("finetune: point %d of -keep %s is row %d (line %d) of -data %s: a point is either kept or changed, not both",
				j+1, keepPath, i, d.Line(i), dataPath)
		}
	}
	return nil
}

// roundingTol is the relative distance below which a label that differs
// from f(x) looks like float rounding: |y − f(x)| ≤ 10⁻¹²·max(1, |f(x)|).
var roundingTol = big.NewRat(1, 1_000_000_000_000)

// roundingNotes says, when some labels differ from f(x) only by a float
// rounding amount (decided exactly), how many and where: they count as
// changed rows, which is rarely what was meant.
func roundingNotes(f *oracle.Network, d *oracle.Data, dataPath string) []string {
	var lines []string
	n := 0
	var diff, bound big.Rat
	for i, fx := range oracle.NewEvaluator(f).EvalAll(d.X) {
		diff.Sub(d.Y[i], fx)
		if diff.Sign() == 0 {
			continue
		}
		diff.Abs(&diff)
		bound.Abs(fx)
		if bound.Cmp(big.NewRat(1, 1)) < 0 {
			bound.SetInt64(1)
		}
		bound.Mul(&bound, roundingTol)
		if diff.Cmp(&bound) <= 0 {
			n++
			if len(lines) < 5 {
				lines = append(lines, fmt.Sprint(d.Line(i+1)))
			}
		}
	}
	if n == 0 {
		return nil
	}
	where := "line"
	if d.Lines == nil || isArrayData(dataPath) {
		where = "row"
	}
	more := ""
	if n > len(lines) {
		more = ", …"
	}
	rows, have := "rows", "have"
	if n == 1 {
		rows, have = "row", "has"
	}
	if len(lines) > 1 {
		where += "s"
	}
	return []string{fmt.Sprintf("%d %s of %s %s a label within 1e-12·max(1,|f(x)|) of f(x) but not equal to it (float rounding? %s %s%s): counted in N and changed; to keep f's output there exactly, give those points with -keep instead",
		n, rows, dataPath, have, where, strings.Join(lines, ", "), more)}
}

func isArrayData(path string) bool {
	return strings.Contains(path, ",") || strings.EqualFold(filepath.Ext(path), ".npz")
}

// sameFile reports whether two output names land on one file.
func sameFile(a, b string) bool {
	ra, err1 := resolveLinks(a)
	rb, err2 := resolveLinks(b)
	if err1 != nil || err2 != nil {
		return false
	}
	if filepath.Clean(ra) == filepath.Clean(rb) {
		return true
	}
	fa, err1 := os.Stat(ra)
	fb, err2 := os.Stat(rb)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
