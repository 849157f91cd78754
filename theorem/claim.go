package theorem

import (
	"fmt"
	"sort"
	"sync"

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

// Claim is one numbered statement of the paper with its check.
type Claim struct {
	ID        string // SPEC.md §2 ID, e.g. "T4.1-U"
	Paper     string // "Thm 4.1.1"
	Statement string // one sentence
	Method    string // how the harness checks it
	Cost      string // what a check costs, roughly
	Check     func(Config) Result
}

var (
	regMu    sync.Mutex
	registry = map[string]Claim{}
	extras   []Claim // claims outside the SPEC, registered by tests
)

// Register adds a claim; it panics on an unknown or repeated ID (programmer
// misuse).
func Register(c Claim) {
	regMu.Lock()
	defer regMu.Unlock()
	if _, ok := specIndex[c.ID]; !ok {
		panic(fmt.Sprintf("theorem: Register: %q is not a claim ID of SPEC.md", c.ID))
	}
	if _, dup := registry[c.ID]; dup {
		panic(fmt.Sprintf("theorem: Register: %q registered twice", c.ID))
	}
	registry[c.ID] = c
}

// RegisterExtra adds a claim that is not in the SPEC (a planted false claim
// in a test of the reporter) after the SPEC claims; the returned function
// removes it again.
func RegisterExtra(c Claim) (unregister func()) {
	regMu.Lock()
	defer regMu.Unlock()
	if _, ok := specIndex[c.ID]; ok {
		panic(fmt.Sprintf("theorem: RegisterExtra: %q is a SPEC claim; use Register", c.ID))
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

// SpecIDs are the claim IDs of SPEC.md §2, in paper order.
var SpecIDs = []string{
	"D1.1=D3.1", "D3.3", "R1", "T4.1-U", "T4.1-L", "R2", "C4.2", "D4.3", "T4.4",
	"L4.5", "L4.6", "L4.7", "T5.1-U", "T5.1-L", "R5", "C5.2", "A", "P6.1", "S7",
}

var specPaper = map[string]string{
	"D1.1=D3.1": "Def. 1.1, 3.1", "D3.3": "Def. 3.3", "R1": "Remark 1",
	"T4.1-U": "Thm 4.1.1", "T4.1-L": "Thm 4.1.2", "R2": "Remark 2", "C4.2": "Cor. 4.2",
	"D4.3": "Def. 4.3", "T4.4": "Thm 4.4", "L4.5": "Lemma 4.5", "L4.6": "Lemma 4.6",
	"L4.7": "Lemma 4.7", "T5.1-U": "Thm 5.1.1", "T5.1-L": "Thm 5.1.2", "R5": "Remark 5",
	"C5.2": "Cor. 5.2", "A": "Appendix A", "P6.1": "Prop. 6.1", "S7": "Sec. 7",
}

var specIndex = func() map[string]int {
	m := map[string]int{}
	for i, id := range SpecIDs {
		m[id] = i
	}
	return m
}()

// Claims returns every SPEC claim in paper order; IDs with no registered
// check come back with a nil Check (reported as NotChecked).
func Claims() []Claim {
	regMu.Lock()
	defer regMu.Unlock()
	out := make([]Claim, 0, len(SpecIDs))
	for _, id := range SpecIDs {
		c, ok := registry[id]
		if !ok {
			c = Claim{ID: id, Paper: specPaper[id], Statement: "(no check registered yet)"}
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return specIndex[out[i].ID] < specIndex[out[j].ID] })
	return append(out, extras...)
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
