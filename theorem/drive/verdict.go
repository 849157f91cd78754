package drive

import (
	"context"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// Verdict is the outcome of checking a claim.
type Verdict string

const (
	Holds          Verdict = "holds"
	Counterexample Verdict = "counterexample"
	Inconclusive   Verdict = "inconclusive"
	NotChecked     Verdict = "not checked"
)

// Worse is the worse of two verdicts: counterexample, then inconclusive, then
// not checked, then holds. A claim made of parts takes the worst of them, so
// one part that did not pass keeps the claim from holding.
func Worse(a, b Verdict) Verdict {
	if rank(b) > rank(a) {
		return b
	}
	return a
}

func rank(v Verdict) int {
	switch v {
	case Holds:
		return 0
	case NotChecked:
		return 1
	case Inconclusive:
		return 2
	}
	return 3 // Counterexample, and anything unknown: never better than a failure
}

// FindingKind classifies what a reviewer learns beyond the verdict.
type FindingKind string

const (
	// FindCounterexample: the claim fails on the attached instance.
	FindCounterexample FindingKind = "counterexample"
	// FindProofStep: a step of the proof fails, whatever the claim's truth.
	FindProofStep FindingKind = "proof-step"
	// FindLooseBound: the truth found is strictly better than stated.
	FindLooseBound FindingKind = "loose-bound"
	// FindBeyondPaper: a sharper statement, verified by the harness.
	FindBeyondPaper FindingKind = "beyond-paper"
)

// Instance is an exact instance attached to a finding: the data (x_i, z_i),
// the changed set T (1-based), and any named parameters (m, d1, d2, …), all as
// exact decimal strings so that JSON output is byte-stable.
type Instance struct {
	K      int               `json:"K,omitempty"`
	N      int               `json:"N,omitempty"`
	T      []int             `json:"T,omitempty"`
	X      [][]string        `json:"x,omitempty"`
	Z      []string          `json:"z,omitempty"`
	Params map[string]string `json:"params,omitempty"`
}

// Finding is one thing a reviewer should read.
type Finding struct {
	Kind      FindingKind `json:"kind"`
	Text      string      `json:"text"`
	Instance  *Instance   `json:"instance,omitempty"`
	Reproduce string      `json:"reproduce,omitempty"`
}

// Result is the outcome of one claim's check.
type Result struct {
	Verdict    Verdict   `json:"verdict"`
	Evidence   string    `json:"evidence"`
	Checked    int       `json:"checked"`
	Exhaustive bool      `json:"exhaustive"`
	Findings   []Finding `json:"findings"`
}

// Config is the budget of a check.
type Config struct {
	Ctx    context.Context // cancelled when the report's -timeout fires
	Seed   uint64          // nonzero; same seed and checks ⇒ same result
	Checks int             // sampling budget (exhaustive parts run in full)
	// Fault, when set, perturbs every network a Part builds before the
	// driver verifies it: the fault suite plants bugs through it to show
	// that no planted failure becomes Holds. Nil outside that suite.
	Fault Fault
}

// Expired reports whether the check should stop and return Inconclusive.
func (c Config) Expired() bool {
	return c.Ctx != nil && c.Ctx.Err() != nil
}

// done is the channel that closes when the check must stop (nil: never).
func (c Config) done() <-chan struct{} {
	if c.Ctx == nil {
		return nil
	}
	return c.Ctx.Done()
}

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
