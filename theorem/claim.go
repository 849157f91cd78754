package theorem

import (
	"fmt"
	"sync"
	"time"

	"github.com/ftcheck/ftcheck/theorem/drive"
)

// The verdict types are the driver's (package drive), so that a claim
// built on the driver and one that is not return the same Result.
type (
	Verdict     = drive.Verdict
	FindingKind = drive.FindingKind
	Instance    = drive.Instance
	Finding     = drive.Finding
	Result      = drive.Result
	Config      = drive.Config
)

const (
	Holds          = drive.Holds
	Counterexample = drive.Counterexample
	Inconclusive   = drive.Inconclusive
	NotChecked     = drive.NotChecked

	FindCounterexample = drive.FindCounterexample
	FindProofStep      = drive.FindProofStep
	FindLooseBound     = drive.FindLooseBound
	FindBeyondPaper    = drive.FindBeyondPaper
)

// Claim is one numbered statement of the paper with its check: a row of
// the claim table (claims.go).
type Claim struct {
	ID        string        // SPEC.md §2 ID, e.g. "T4.1-U"
	Paper     string        // "Thm 4.1.1"
	Statement string        // one sentence
	Method    string        // how the harness checks it
	Cost      time.Duration // measured wall time at the default budget; the report starts costly claims first
	Check     func(Config) Result
	// Parts are the drive.Parts a check that builds networks runs, with the
	// budget of cfg; nil for a check that builds none. The fault suite
	// plants faults through them and replays counterexamples with them.
	Parts func(Config) []drive.Part
	// Planted is the claim's check with its stated bound off by one in the
	// direction that makes it false (a bound, lemma, derived or empirical
	// claim; planted.go), at a budget of about a second: the same grid,
	// search and result assembly as Check, so that the fault suite can
	// show that the check would have caught a wrong bound (the verdict is
	// never Holds, and a finding names the smallest point where it fails).
	// Nil for a claim whose check builds networks: those get drive.Faults
	// through Parts. Findings carry the claim's own Reproduce command; the
	// planted bound itself exists only here.
	Planted func(Config) Result
	// Units, when set with Combine, divide the check into shares that run
	// independently, so that a sharded report (internal/report) can deal
	// the shares of one costly claim to different processes. Run then runs
	// every unit (RunUnit, at once) and returns Combine of their results in
	// the order of Units (CombineUnits): the same function whether the
	// units ran in one process or in many, so the result is the same. Check
	// must give that result too (tests and tools call it directly).
	Units   []Unit
	Combine func(Config, []Result) Result
}

// Unit is one independently runnable share of a claim's check. Its result
// depends only on the seed and checks of cfg, like a claim's.
type Unit struct {
	Name  string        // unique within the claim, e.g. "U1"
	Cost  time.Duration // measured wall time at the default budget, for dealing shards
	Check func(Config) Result
}

var (
	regMu  sync.Mutex
	extras []Claim // claims outside the SPEC, registered by tests
)

// RegisterExtra adds a claim that is not in the SPEC (a planted false claim
// in a test of the reporter) after the SPEC claims; the returned function
// removes it again.
func RegisterExtra(c Claim) (unregister func()) {
	regMu.Lock()
	defer regMu.Unlock()
	for _, t := range table {
		if t.ID == c.ID {
			panic(fmt.Sprintf("theorem: RegisterExtra: %q is a claim of the table", c.ID))
		}
	}
	extras = append(extras, c)
	return func() {
		regMu.Lock()
		defer regMu.Unlock()
		for i, e := range extras {
			if e.ID == c.ID {
				extras = append(extras[:i], extras[i+1:]...)
				return
			}
		}
	}
}

// SpecIDs are the claim IDs of SPEC.md §2, in paper order: the IDs of the
// claim table.
var SpecIDs = func() []string {
	ids := make([]string, len(table))
	for i, c := range table {
		ids[i] = c.ID
	}
	return ids
}()

// Claims returns every claim of the table in paper order, then any claim a
// test registered with RegisterExtra.
func Claims() []Claim {
	regMu.Lock()
	defer regMu.Unlock()
	out := make([]Claim, 0, len(table)+len(extras))
	out = append(out, table...)
	return append(out, extras...)
}

// runParts runs the parts of a check that builds networks and judges them
// (drive.Judge, with repro as every counterexample's command); ok is false
// when the claim does not hold, and res is then its final result.
func runParts(cfg Config, repro string, parts ...drive.Part) (res Result, outs []*drive.Outcome, ok bool) {
	outs = drive.RunAll(cfg, parts...)
	res = drive.Judge(cfg, repro, outs...)
	return res, outs, res.Verdict == Holds
}

// Lookup finds a claim by ID.
func Lookup(id string) (Claim, bool) {
	for _, c := range Claims() {
		if c.ID == id {
			return c, true
		}
	}
	return Claim{}, false
}

// Run checks c under cfg. A claim without a check is NotChecked; a check that
// panics is reported as Inconclusive with the panic (never as a pass); a check
// cut short by the context is Inconclusive.
func Run(c Claim, cfg Config) (res Result) {
	if c.Units != nil && c.Combine != nil {
		return CombineUnits(c, cfg, RunUnits(c, cfg))
	}
	if c.Check == nil {
		return Result{Verdict: NotChecked, Evidence: "no check implemented for this claim yet", Findings: []Finding{}}
	}
	defer func() {
		if r := recover(); r != nil {
			res = Result{Verdict: Inconclusive, Evidence: fmt.Sprintf("the check crashed: %v", r), Findings: []Finding{}}
		}
		if res.Findings == nil {
			res.Findings = []Finding{}
		}
	}()
	res = c.Check(cfg)
	if cfg.Expired() && res.Verdict == Holds {
		res.Verdict = Inconclusive
		res.Evidence = "timed out before the check finished; partial evidence: " + res.Evidence
	}
	return res
}

// RunUnits runs every unit of c at once (RunUnit) and returns their
// results in the order of c.Units.
func RunUnits(c Claim, cfg Config) []Result {
	out := make([]Result, len(c.Units))
	var wg sync.WaitGroup
	for i := range c.Units {
		wg.Add(1)
		go func() { defer wg.Done(); out[i] = RunUnit(c, i, cfg) }()
	}
	wg.Wait()
	return out
}

// RunUnit runs unit i of c under cfg as Run runs a claim: a unit that
// panics is Inconclusive with the panic, one cut short by the deadline is
// never Holds.
func RunUnit(c Claim, i int, cfg Config) (res Result) {
	if i < 0 || i >= len(c.Units) || c.Units[i].Check == nil {
		return Result{Verdict: Inconclusive, Evidence: fmt.Sprintf("claim %s has no unit %d", c.ID, i), Findings: []Finding{}}
	}
	u := c.Units[i]
	defer func() {
		if r := recover(); r != nil {
			res = Result{Verdict: Inconclusive, Evidence: fmt.Sprintf("the unit %s crashed: %v", u.Name, r), Findings: []Finding{}}
		}
		if res.Findings == nil {
			res.Findings = []Finding{}
		}
	}()
	res = u.Check(cfg)
	if cfg.Expired() && res.Verdict == Holds {
		res.Verdict = Inconclusive
		res.Evidence = "timed out before the unit finished; partial evidence: " + res.Evidence
	}
	return res
}

// CombineUnits is c's result from the results of its units, in the order
// of c.Units, as Run returns it: fewer or more results than units are
// Inconclusive, a Combine that panics is Inconclusive with the panic, and
// a deadline reached is never Holds. A sharded report's merge calls it
// with the units' results read back from the shards.
func CombineUnits(c Claim, cfg Config, units []Result) (res Result) {
	if c.Combine == nil || len(units) != len(c.Units) {
		return Result{Verdict: Inconclusive, Evidence: fmt.Sprintf("claim %s: %d unit results for %d units", c.ID, len(units), len(c.Units)), Findings: []Finding{}}
	}
	defer func() {
		if r := recover(); r != nil {
			res = Result{Verdict: Inconclusive, Evidence: fmt.Sprintf("the check crashed: %v", r), Findings: []Finding{}}
		}
		if res.Findings == nil {
			res.Findings = []Finding{}
		}
	}()
	res = c.Combine(cfg, units)
	if cfg.Expired() && res.Verdict == Holds {
		res.Verdict = Inconclusive
		res.Evidence = "timed out before the check finished; partial evidence: " + res.Evidence
	}
	return res
}
