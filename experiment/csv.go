package experiment

// fig9.csv: one row per (depth, N, restart) with the least m found, and
// fig9-runs.csv: every training behind them.

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// pointHeader names the columns of fig9.csv; params (weights and biases of
// g at the least m, with d = 10 inputs) was added last, and ReadPoints
// accepts tables without it.
var pointHeader = []string{"K", "depth", "N", "restart", "least_m", "d1", "d2", "loss_ft", "capped", "trainings", "params"}

// Params is the number of weights and biases of a g with m hidden neurons,
// d inputs and the given depth (Split's widths).
func Params(depth, m, d int) int {
	if m == 0 {
		return 1 // the constant output
	}
	n, in := 0, d
	for _, w := range append(Split(depth, m), 1) {
		n += w*in + w
		in = w
	}
	return n
}

// WritePoints writes the least-m table of r as CSV.
func WritePoints(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	cw.Write(pointHeader)
	for _, p := range r.Points {
		d1, d2 := "", ""
		if p.LeastM > 0 {
			s := Split(p.Depth, p.LeastM)
			d1 = strconv.Itoa(s[0])
			if len(s) > 1 {
				d2 = strconv.Itoa(s[1])
			}
		}
		cw.Write([]string{
			strconv.Itoa(r.Config.K), strconv.Itoa(p.Depth), strconv.Itoa(p.N), strconv.Itoa(p.Restart),
			strconv.Itoa(p.LeastM), d1, d2, strconv.FormatFloat(p.Loss, 'f', 5, 64),
			strconv.FormatBool(p.Capped), strconv.Itoa(p.Trainings), strconv.Itoa(Params(p.Depth, p.LeastM, r.Config.D)),
		})
	}
	cw.Flush()
	return cw.Error()
}

// WriteRuns writes every training of r as CSV.
func WriteRuns(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"K", "depth", "N", "restart", "m", "loss_ft", "epochs", "reached"})
	for _, u := range r.Runs {
		cw.Write([]string{
			strconv.Itoa(r.Config.K), strconv.Itoa(u.Depth), strconv.Itoa(u.N), strconv.Itoa(u.Restart),
			strconv.Itoa(u.M), strconv.FormatFloat(u.Loss, 'f', 5, 64), strconv.Itoa(u.Epochs), strconv.FormatBool(u.Reached),
		})
	}
	cw.Flush()
	return cw.Error()
}

// ReadPoints reads a table written by WritePoints (to redraw the figure
// without training again); it returns K and the points.
func ReadPoints(r io.Reader) (k int, pts []Point, err error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return 0, nil, err
	}
	if len(rows) == 0 || len(rows[0]) < len(pointHeader)-1 || rows[0][0] != "K" {
		return 0, nil, fmt.Errorf("not a fig9 points table: header %v, want %v", first(rows), pointHeader)
	}
	for i, row := range rows[1:] {
		var p Point
		var kk int
		ints := []*int{&kk, &p.Depth, &p.N, &p.Restart, &p.LeastM}
		for j, dst := range ints {
			if *dst, err = strconv.Atoi(row[j]); err != nil {
				return 0, nil, fmt.Errorf("line %d, column %s: %v", i+2, pointHeader[j], err)
			}
		}
		if p.Loss, err = strconv.ParseFloat(row[7], 64); err != nil {
			return 0, nil, fmt.Errorf("line %d, column loss_ft: %v", i+2, err)
		}
		if p.Capped, err = strconv.ParseBool(row[8]); err != nil {
			return 0, nil, fmt.Errorf("line %d, column capped: %v", i+2, err)
		}
		if p.Trainings, err = strconv.Atoi(row[9]); err != nil {
			return 0, nil, fmt.Errorf("line %d, column trainings: %v", i+2, err)
		}
		if k != 0 && kk != k || p.Depth != 2 && p.Depth != 3 {
			return 0, nil, fmt.Errorf("line %d: K=%d depth=%d (K must not change, depth must be 2 or 3)", i+2, kk, p.Depth)
		}
		k = kk
		pts = append(pts, p)
	}
	return k, pts, nil
}

func first(rows [][]string) []string {
	if len(rows) == 0 {
		return nil
	}
	return rows[0]
}
