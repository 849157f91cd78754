package drive

import (
	"errors"
	"fmt"
	"iter"
	"math/big"
	"strconv"
	"strings"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// Case is one instance a construction check runs on.
type Case struct {
	FT  *props.FineTune // the instance (x, T, z), with a frozen f and labels y when F is set
	L   int             // the depth asked for (Prop. 6.1); 0 when the claim fixes it
	Dir []*big.Rat      // a projection direction drawn with the instance; nil when the construction picks its own
	// Extra is claim-specific data drawn with the case (Def. 1.1's further
	// frozen networks). It is not part of a finding: a case rebuilt by
	// CaseOf has none, and its Check must then check what it can without.
	Extra any
	// Vec, when set, is a case with C ≥ 1 outputs (beyond the paper): every
	// network must fine-tune Vec on every output (oracle.VerifyVec), and
	// FT.Inst is Vec.Support(), the instance with the same samples and
	// changed set T (z_i = 1 where any output changes), so that N, K and
	// the faults read it as for one output. A finding carries Vec's targets
	// in the parameter "z-vector", from which CaseOf rebuilds it.
	Vec *instance.Vector
}

// VectorCase is the case of a vector instance v.
func VectorCase(v *instance.Vector) Case {
	return Case{FT: &props.FineTune{Inst: v.Support()}, Vec: v}
}

// Part is one construction check of a claim: the cases it runs on, the
// networks it builds for each, and what each network must satisfy. The
// driver, not the Part, verifies: every network Build returns must fine-tune
// the case exactly (oracle), stay within Limit, and pass Check.
type Part struct {
	Name  string                 // rapid's name and the label of its findings, e.g. "T5.1-U/U3"
	Grid  iter.Seq[Case]         // the exhaustive cases, run in full first; nil for none
	Draw  *rapid.Generator[Case] // rapid's cases, shrunk on failure; nil for none
	Build func(Case) ([]*construction.Built, error)
	// Limit is the largest Measure the claim allows a network of this case,
	// and how the paper states it ("min{3N+1, K−1}"); nil for no limit. An
	// error (the limit cannot be computed for this case) fails the case.
	Limit func(Case, *construction.Built) (int, string, error)
	// Measure is what Limit bounds; nil means hidden neurons m.
	Measure func(*construction.Built) int
	// OverLimit is what a network over Limit makes of the claim:
	// Counterexample (the default, when the zero value is given) for a bound
	// the construction must meet, Inconclusive for a bound only the
	// existence claim asks for (another network might meet it).
	OverLimit Verdict
	// Check is any further condition on each verified network (its first
	// layer, its depth, an independent count); nil for none.
	Check func(Case, *construction.Built) error
	// See records a passing case for the evidence; nil for none.
	See func(Case, []*construction.Built)
}

// ErrNotApplicable, returned (wrapped) by Build, says that the case is
// outside the claim's hypotheses (a drawn direction that collides two
// samples): the case is counted as skipped, never as passed.
var ErrNotApplicable = errors.New("case outside the claim's hypotheses")

// Failure is a case that did not pass, with what went wrong.
type Failure struct {
	Case Case
	Msg  string
}

// Outcome is what one Part's run saw.
type Outcome struct {
	Part      string
	Grid      int      // exhaustive cases that ran to the end and passed
	Drawn     int      // rapid cases that ran to the end and passed
	Skipped   int      // cases Build declared not applicable
	Fail      *Failure // the failing case: the first of the grid, or rapid's shrunk one
	Over      *Failure // the first case over Limit when OverLimit is Inconclusive
	OverCount int
	// Stopped says why the run ended before its plan ran out (the deadline,
	// a failure rapid could not attribute to a case); "" when it ran in full.
	Stopped string
}

// Passed counts the cases that ran to the end and passed.
func (o *Outcome) Passed() int { return o.Grid + o.Drawn }

// Verdict is Holds only when every planned case ran to the end and passed.
func (o *Outcome) Verdict() Verdict {
	switch {
	case o.Fail != nil:
		return Counterexample
	case o.Stopped != "" || o.OverCount > 0:
		return Inconclusive
	}
	return Holds
}

// status of one case.
type status int

const (
	passed status = iota
	failed
	over
	skipped
	stopped
)

// Run runs p under cfg: the grid in full, then rapid's search, stopping at
// the first failure (rapid shrinks it first). It never panics on a panic of
// Build, Check or See: a panic on a case is a failure of that case.
func Run(cfg Config, p Part) *Outcome {
	o := &Outcome{Part: p.Name}
	if p.Grid != nil {
		for c := range p.Grid {
			if !o.record(cfg, p, c, &o.Grid) {
				return o
			}
		}
	}
	if p.Draw != nil {
		runRapid(cfg, p, o)
	}
	if o.Stopped == "" && cfg.Expired() {
		o.Stopped = "the deadline was reached before every case ran"
	}
	return o
}

// record runs one grid case into o; false when the run must end.
func (o *Outcome) record(cfg Config, p Part, c Case, count *int) bool {
	st, msg := one(cfg, p, c)
	return o.note(c, st, msg, count)
}

// note records the status of case c into o; false when the run must end.
func (o *Outcome) note(c Case, st status, msg string, count *int) bool {
	switch st {
	case passed:
		*count++
	case over:
		*count++
		o.OverCount++
		if o.Over == nil {
			o.Over = &Failure{c, msg}
		}
	case skipped:
		o.Skipped++
	case failed:
		o.Fail = &Failure{c, msg}
		return false
	case stopped:
		o.Stopped = msg
		return false
	}
	return true
}

// runRapid is the rapid part of Run. rapid replays the shrunk failing case
// last, so the failure recorded last is the smallest one.
func runRapid(cfg Config, p Part, o *Outcome) {
	var fail *Failure
	out := search.Run(p.Name, func(t *rapid.T) {
		c := p.Draw.Draw(t, "case")
		if o.Stopped != "" {
			return
		}
		st, msg := one(cfg, p, c)
		if st == failed {
			fail = &Failure{c, msg}
			t.Fatalf("%s", msg)
		}
		o.note(c, st, msg, &o.Drawn)
	})
	switch {
	case out.Failed && fail != nil:
		o.Fail = fail
	case out.Failed && o.Stopped == "":
		o.Stopped = "rapid's search failed without a case to show (its generator failed): " + strings.TrimSpace(out.Log)
	}
}

// one runs one case to the end, or until cfg's deadline: a panic anywhere in
// it is a failure of the case, a deadline is stopped, never passed.
func one(cfg Config, p Part, c Case) (status, string) {
	type result struct {
		st   status
		msg  string
		nets []*construction.Built
	}
	r, st, msg := guard(cfg, func() (result, error) {
		nets, st, msg := evaluate(cfg, p, c)
		return result{st, msg, nets}, nil
	})
	switch {
	case st == stopped:
		return st, msg + " (" + describe(c) + ")"
	case st != passed:
		return st, msg
	}
	if (r.st == passed || r.st == over) && p.See != nil {
		// See runs here, not in the case's goroutine, so that a case
		// abandoned at the deadline never writes to the claim's tally.
		if err := safeSee(p, c, r.nets); err != nil {
			return failed, err.Error()
		}
	}
	return r.st, r.msg
}

// safeSee calls p.See, turning a panic into an error.
func safeSee(p Part, c Case, nets []*construction.Built) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	p.See(c, nets)
	return nil
}

// evaluate builds the networks of c and checks each.
func evaluate(cfg Config, p Part, c Case) ([]*construction.Built, status, string) {
	nets, err := p.Build(c)
	if cfg.Fault != nil {
		nets, err = cfg.Fault(&Site{Ctx: cfg.Ctx, Case: c, Nets: nets, Err: err, Limit: limitOf(p, c),
			Measure: func(b *construction.Built) int { return measure(p, b) }})
	}
	switch {
	case errors.Is(err, ErrNotApplicable):
		return nil, skipped, err.Error()
	case err != nil:
		return nil, failed, fmt.Sprintf("construction error: %v", err)
	case len(nets) == 0:
		return nil, failed, "the construction returned no network"
	}
	st, msg := passed, ""
	for _, b := range nets {
		if err := fineTunes(c, b); err != nil {
			return nil, failed, fmt.Sprintf("%s network (m = %d) does not fine-tune: %v", b.Name, b.Net.Hidden(), err)
		}
		if p.Limit != nil {
			lim, text, err := p.Limit(c, b)
			if err != nil {
				return nil, failed, fmt.Sprintf("%s network: the limit: %v", b.Name, err)
			}
			if v := measure(p, b); v > lim {
				msg = fmt.Sprintf("%s network has %d > %s = %d", b.Name, v, text, lim)
				if p.OverLimit != Inconclusive {
					return nil, failed, msg
				}
				st = over
			}
		}
		if p.Check != nil {
			if err := p.Check(c, b); err != nil {
				return nil, failed, fmt.Sprintf("%s network: %v", b.Name, err)
			}
		}
	}
	return nets, st, msg
}

func measure(p Part, b *construction.Built) int {
	if p.Measure != nil {
		return p.Measure(b)
	}
	return b.Net.Hidden()
}

// limitOf is the Limit of p at c for a Fault, with ok false when p has none.
func limitOf(p Part, c Case) func(*construction.Built) (int, bool) {
	return func(b *construction.Built) (int, bool) {
		if p.Limit == nil {
			return 0, false
		}
		lim, _, err := p.Limit(c, b)
		return lim, err == nil
	}
}

// fineTunes verifies f+g = y exactly (g alone = z when c has no f).
func fineTunes(c Case, b *construction.Built) error {
	if b == nil || b.Net == nil {
		return errors.New("no network")
	}
	if c.Vec != nil {
		_, err := c.Vec.Verify(b.Net)
		return err
	}
	in := c.FT.Inst
	if c.FT.F == nil {
		_, err := in.Verify(b.Net)
		return err
	}
	_, err := oracle.Verify(b.Net, c.FT.F, in.X, c.FT.Y)
	return err
}

func describe(c Case) string {
	in := c.FT.Inst
	s := fmt.Sprintf("K = %d, N = %d, d = %d", in.K(), in.N(), in.Dim())
	if c.L > 0 {
		s += fmt.Sprintf(", L = %d", c.L)
	}
	if c.Vec != nil {
		s += fmt.Sprintf(", C = %d", c.Vec.Outputs())
	}
	return s
}

// Replay runs the single case c through p as Run would (with cfg's fault),
// and returns nil when it passes: a counterexample reproduces when Replay
// of its instance fails.
func Replay(cfg Config, p Part, c Case) error {
	switch st, msg := one(cfg, p, c); st {
	case passed:
		return nil
	case skipped:
		return fmt.Errorf("skipped: %s", msg)
	default:
		return errors.New(msg)
	}
}

// Params are the parameters of c that a finding's instance carries, so that
// CaseOf can rebuild c from the finding: the part, the depth L and the
// direction a when set.
func (c Case) Params(part string, extra map[string]string) map[string]string {
	m := map[string]string{}
	for k, v := range extra {
		m[k] = v
	}
	m["part"] = part
	if c.L > 0 {
		m["L"] = strconv.Itoa(c.L)
	}
	if c.Dir != nil {
		s := make([]string, len(c.Dir))
		for i, v := range c.Dir {
			s[i] = oracle.FormatRat(v)
		}
		m["a"] = strings.Join(s, " ")
	}
	if c.Vec != nil {
		rows := make([]string, len(c.Vec.Z))
		for i, z := range c.Vec.Z {
			s := make([]string, len(z))
			for q, v := range z {
				s[q] = oracle.FormatRat(v)
			}
			rows[i] = strings.Join(s, " ")
		}
		m["z-vector"] = strings.Join(rows, "; ")
	}
	return m
}

// CaseOf rebuilds the case of a finding's instance (g alone, targets z).
func CaseOf(inst *Instance) (Case, error) {
	if inst == nil || len(inst.X) != len(inst.Z) {
		return Case{}, errors.New("drive: CaseOf: no instance, or x and z of different lengths")
	}
	in := &instance.Instance{}
	for i := range inst.X {
		x, err := rats(inst.X[i])
		if err != nil {
			return Case{}, fmt.Errorf("x[%d]: %w", i+1, err)
		}
		z, err := oracle.ParseRat(inst.Z[i])
		if err != nil {
			return Case{}, fmt.Errorf("z[%d]: %w", i+1, err)
		}
		in.X, in.Z = append(in.X, x), append(in.Z, z)
	}
	c := Case{FT: &props.FineTune{Inst: in}}
	if s, ok := inst.Params["L"]; ok {
		L, err := strconv.Atoi(s)
		if err != nil {
			return Case{}, fmt.Errorf("L: %w", err)
		}
		c.L = L
	}
	if s, ok := inst.Params["a"]; ok {
		a, err := rats(strings.Fields(s))
		if err != nil {
			return Case{}, fmt.Errorf("a: %w", err)
		}
		c.Dir = a
	}
	if s, ok := inst.Params["z-vector"]; ok {
		v := &instance.Vector{X: in.X}
		for i, row := range strings.Split(s, ";") {
			z, err := rats(strings.Fields(row))
			if err != nil {
				return Case{}, fmt.Errorf("z-vector row %d: %w", i+1, err)
			}
			v.Z = append(v.Z, z)
		}
		if err := v.Validate(); err != nil {
			return Case{}, fmt.Errorf("z-vector: %w", err)
		}
		c.Vec, c.FT.Inst = v, v.Support()
	}
	return c, nil
}

func rats(s []string) ([]*big.Rat, error) {
	out := make([]*big.Rat, len(s))
	for i, v := range s {
		r, err := oracle.ParseRat(v)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}
