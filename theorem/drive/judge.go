package drive

import (
	"fmt"
	"strings"
)

// RunAll runs the parts of one claim in order and stops after the first
// part that fails (the claim's verdict is then settled) or is stopped by
// the deadline.
func RunAll(cfg Config, parts ...Part) []*Outcome {
	outs := make([]*Outcome, 0, len(parts))
	for _, p := range parts {
		o := Run(cfg, p)
		outs = append(outs, o)
		if o.Fail != nil || o.Stopped != "" {
			break
		}
	}
	return outs
}

// Judge is a claim's verdict from the outcomes of its parts: Holds only when
// every part ran its whole plan and every case passed, and the deadline was
// not reached. Each failing part gives a counterexample finding carrying its
// instance (with the part and the case's parameters, so that CaseOf
// rebuilds it) and the command that reproduces it. Evidence is a summary of
// what ran; a claim that holds replaces it with its own account.
func Judge(cfg Config, repro string, outs ...*Outcome) Result {
	res := Result{Verdict: Holds, Findings: []Finding{}}
	var parts []string
	for _, o := range outs {
		res.Checked += o.Passed()
		res.Verdict = Worse(res.Verdict, o.Verdict())
		parts = append(parts, o.summary())
		if o.Fail != nil {
			res.Findings = append(res.Findings, Finding{Kind: FindCounterexample, Reproduce: repro,
				Text:     fmt.Sprintf("%s fails on this (shrunk) instance: %s", o.Part, o.Fail.Msg),
				Instance: FromInstance(o.Fail.Case.FT.Inst, o.Fail.Case.Params(o.Part, nil))})
		}
	}
	if len(outs) == 0 {
		res.Verdict = Inconclusive
		parts = append(parts, "no part ran")
	}
	if cfg.Expired() {
		res.Verdict = Worse(res.Verdict, Inconclusive)
	}
	res.Evidence = strings.Join(parts, "; ")
	return res
}

// summary says what o ran and how it ended.
func (o *Outcome) summary() string {
	s := fmt.Sprintf("%s: %s on %d cases (%d exhaustive, %d sampled", o.Part, o.Verdict(), o.Passed(), o.Grid, o.Drawn)
	if o.Skipped > 0 {
		s += fmt.Sprintf(", %d outside the hypotheses", o.Skipped)
	}
	s += ")"
	switch {
	case o.Fail != nil:
		s += ": " + o.Fail.Msg
	case o.Stopped != "":
		s += ": stopped: " + o.Stopped
	case o.OverCount > 0:
		s += fmt.Sprintf(": %d over the limit, first: %s", o.OverCount, o.Over.Msg)
	}
	return s
}
