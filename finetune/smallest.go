package finetune

// Smallest verified first: build every candidate, sort by neuron count
// (stable, so the listed order breaks ties), and verify exactly in that order
// until one passes. Larger candidates are built but never verified: exact
// verification of the big ones costs the most, and a smaller verified
// network makes them moot. A candidate that fails verification is reported
// and skipped; verification errors other than a wrong output (a network of
// the wrong shape) stop the search.

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// verify is the exact check of every candidate; tests wrap it to count calls.
var verify = oracle.Verify

// Options says what Smallest verifies against and which constructions it
// tries. The zero value verifies g against the instance's targets z with the
// default candidates.
type Options struct {
	// Base is the frozen network f. When it is non-nil, f+g is verified
	// against Y on the instance's inputs; otherwise g against in.Z.
	Base *oracle.Network
	Y    []*big.Rat
	// Candidates replaces the default Candidates (tests plant broken
	// constructions here); nil means Candidates.
	Candidates func(depth int) []Candidate
	// Reduced, when set, sees Stream's reduced instance before any
	// candidate is built; an error stops Stream (a resource limit).
	Reduced func(*instance.Instance) error
}

func (o Options) candidates(depth int) []Candidate {
	if o.Candidates != nil {
		return o.Candidates(depth)
	}
	return Candidates(depth)
}

// Outcome is what became of a built candidate.
type Outcome int

const (
	NotVerified Outcome = iota // larger than the one chosen: built, never verified
	Verified                   // verified exactly: the one chosen
	Failed                     // failed verification: a bug in its construction, not used
)

// Try is one built candidate and its outcome, in the order verified.
type Try struct {
	Name     string
	Neurons  int
	Outcome  Outcome
	Mismatch *oracle.Mismatch // the first wrong row, when Failed
}

// String is the certificate's form: "U1=12", "T4.4=5 (verified)", "X=FAILED".
func (t Try) String() string {
	switch t.Outcome {
	case Verified:
		return fmt.Sprintf("%s=%d (verified)", t.Name, t.Neurons)
	case Failed:
		return t.Name + "=FAILED"
	}
	return fmt.Sprintf("%s=%d", t.Name, t.Neurons)
}

// Result is the smallest verified candidate.
type Result struct {
	*construction.Built                     // the network g and its counts
	Name                string              // the candidate's name (Built.Name, the construction's, may be longer)
	Cert                *oracle.Certificate // what oracle.Verify returned for g
	Tried               []Try               // every built candidate, smallest first
}

// Failures returns the candidates of tried that failed verification.
func Failures(tried []Try) []Try {
	var out []Try
	for _, t := range tried {
		if t.Outcome == Failed {
			out = append(out, t)
		}
	}
	return out
}

// NoCandidateError: no construction of the depth applies to the instance.
type NoCandidateError struct {
	Names []string // candidates, in order
	Errs  []error  // their build errors
}

func (e *NoCandidateError) Error() string {
	s := make([]string, len(e.Names))
	for i := range e.Names {
		s[i] = fmt.Sprintf("%s: %v", e.Names[i], e.Errs[i])
	}
	return "no construction applies: " + strings.Join(s, "; ")
}

// Unwrap gives the build errors to errors.Is and errors.As.
func (e *NoCandidateError) Unwrap() []error { return e.Errs }

// NotVerifiedError: every built candidate failed verification.
type NotVerifiedError struct{ Tried []Try }

func (e *NotVerifiedError) Error() string {
	s := make([]string, len(e.Tried))
	for i, t := range e.Tried {
		s[i] = t.String()
	}
	return fmt.Sprintf("no construction verified on this data (%s)", strings.Join(s, ", "))
}

// Smallest builds every candidate of the depth for in and returns the one
// with the fewest neurons that verifies exactly (the earlier listed on a
// tie), each candidate verified at most once. Candidates that fail
// verification are in Result.Tried (or in the *NotVerifiedError when none
// passes); *NoCandidateError when none builds.
func Smallest(in *instance.Instance, depth int, opt Options) (*Result, error) {
	built, err := buildAll(in, opt.candidates(depth))
	if err != nil {
		return nil, err
	}
	best, _, err := smallestFirst(built, func(c namedBuilt) (*construction.Built, *oracle.Certificate, error) {
		cert, err := opt.check(in, c.Net)
		return c.Built, cert, err
	})
	return best, err
}

// setAside is a candidate's check declining it without verifying it (the
// reason goes to the caller's notes, not to Tried).
type setAside struct{ reason string }

func (e *setAside) Error() string { return e.reason }

// smallestFirst checks the built candidates, smallest first, until one
// passes, and never checks one after it: check returns the network to
// keep and its certificate, a *oracle.Mismatch (the candidate failed: a
// bug in its construction, listed and skipped), a *setAside (declined
// unverified: named in the returned list, not in Tried), or another error,
// which stops the search. None verified is a *NotVerifiedError, or a
// *NoCandidateError when every candidate was set aside.
func smallestFirst(built []namedBuilt, check func(namedBuilt) (*construction.Built, *oracle.Certificate, error)) (*Result, []string, error) {
	var best *Result
	var aside []string
	none := &NoCandidateError{}
	tried := make([]Try, 0, len(built))
	for _, c := range built {
		t := Try{Name: c.name, Neurons: c.Neurons}
		if best == nil {
			b, cert, err := check(c)
			var mm *oracle.Mismatch
			var sa *setAside
			switch {
			case errors.As(err, &sa):
				aside = append(aside, fmt.Sprintf("%s not used: %s", c.name, sa.reason))
				none.Names, none.Errs = append(none.Names, c.name), append(none.Errs, err)
				continue
			case errors.As(err, &mm):
				t.Outcome, t.Mismatch = Failed, mm
			case err != nil:
				return nil, nil, err
			default:
				t.Outcome = Verified
				best = &Result{Built: b, Name: c.name, Cert: cert}
			}
		}
		tried = append(tried, t)
	}
	switch {
	case best != nil:
		best.Tried = tried
		return best, aside, nil
	case len(tried) == 0:
		return nil, aside, none
	}
	return nil, aside, &NotVerifiedError{tried}
}

type namedBuilt struct {
	*construction.Built
	name string
}

// buildAll builds every candidate and sorts the built ones by neuron count.
func buildAll(in *instance.Instance, cands []Candidate) ([]namedBuilt, error) {
	var built []namedBuilt
	noneErr := &NoCandidateError{}
	for _, c := range cands {
		b, err := c.Build(in)
		if err != nil {
			noneErr.Names, noneErr.Errs = append(noneErr.Names, c.Name), append(noneErr.Errs, err)
			continue
		}
		built = append(built, namedBuilt{b, c.Name})
	}
	if len(built) == 0 {
		return nil, noneErr
	}
	sort.SliceStable(built, func(i, j int) bool { return built[i].Neurons < built[j].Neurons })
	return built, nil
}

// check verifies g (f+g when Base is set) on every row.
func (o Options) check(in *instance.Instance, g *oracle.Network) (*oracle.Certificate, error) {
	if o.Base != nil {
		return verify(g, o.Base, in.X, o.Y)
	}
	return verify(g, nil, in.X, in.Z)
}

// BestTwoLayer is the smallest verified 2-layer network for in among
// Theorem 4.4's (pruned), the oriented variant and the minimum-breakpoint
// interpolant (Candidates(2)), with its certificate: g(x_i) = z_i for every
// i. Built.Name names the construction. Bad input gives the constructions'
// typed errors (wrapped in *NoCandidateError).
func BestTwoLayer(in *instance.Instance) (*construction.Built, *oracle.Certificate, error) {
	r, err := Smallest(in, 2, Options{})
	if err != nil {
		return nil, nil, err
	}
	return r.Built, r.Cert, nil
}
