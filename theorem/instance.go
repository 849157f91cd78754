package theorem

import (
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// FromInstance converts a fine-tuning instance to the exact strings of a
// finding (T 1-based, as the paper writes it).
func FromInstance(in *instance.Instance, params map[string]string) *Instance {
	out := &Instance{K: in.K(), N: in.N(), Params: params}
	for _, i := range in.T() {
		out.T = append(out.T, i+1)
	}
	for i, x := range in.X {
		row := make([]string, len(x))
		for q, v := range x {
			row[q] = oracle.FormatRat(v)
		}
		out.X = append(out.X, row)
		out.Z = append(out.Z, oracle.FormatRat(in.Z[i]))
	}
	return out
}
