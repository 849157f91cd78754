package theorem

import (
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/theorem/drive"
)

// Remark 3 holds, and a bound of N instead of N+1 is refuted and shrunk to
// the smallest one-block instance: K = 3, T = {1} (x = 1, 2, 3, block
// {2, 3}) needs the 2 neurons of N + 1 = 2 (z = (2, 0, 0) is not affine).
func TestR3(t *testing.T) {
	search.Configure(5, 30)
	if res := checkR3(Config{Seed: 5, Checks: 30}); res.Verdict != Holds {
		t.Fatalf("R3: %s %s", res.Verdict, res.Evidence)
	}
	o := drive.Run(Config{}, r3Part(func(N int) int { return N }, "N"))
	if o.Fail == nil || o.Fail.Case.FT.Inst.K() != 3 || o.Fail.Case.FT.Inst.N() != 1 {
		t.Fatalf("bound N: %s, %+v", o.Verdict(), o.Fail)
	}
}

// Remark 4 holds with one proof-step finding, the restated Lemma 4.6, first
// at K = 1, N = 1 (min{0, 1} + 1 = 1 against min{0, 2} = 0, by hand); the
// threshold 3N + 1 is refuted.
func TestR4(t *testing.T) {
	search.Configure(5, 30)
	res := checkR4(Config{Seed: 5, Checks: 30})
	if res.Verdict != Holds || len(res.Findings) != 1 || res.Findings[0].Kind != FindProofStep ||
		res.Findings[0].Instance.Params["K"] != "1" || res.Findings[0].Instance.Params["N"] != "1" ||
		!strings.Contains(res.Evidence, "iff K ≤ 3N + 2, at all 119 pairs") {
		t.Fatalf("R4: %s %s %+v", res.Verdict, res.Evidence, res.Findings)
	}
	if v := plantedR4(Config{Seed: 5, Checks: 30}).Verdict; v != Counterexample {
		t.Fatalf("threshold 3N+1: %s", v)
	}
}
