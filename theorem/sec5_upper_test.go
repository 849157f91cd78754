package theorem

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/props"
	"github.com/ftcheck/ftcheck/theorem/drive"
)

// TestT51MinCatchesBrokenConstruction: with U3 replaced by a copy whose
// output bias is off by 1/7, the theorem-level check reports a
// counterexample naming U3, on a small instance.
func TestT51MinCatchesBrokenConstruction(t *testing.T) {
	saved := t51Builders[2]
	defer func() { t51Builders[2] = saved }()
	t51Builders[2].build = func(in *instance.Instance) (*construction.Built, error) {
		b, err := construction.U3(in)
		if err != nil {
			return nil, err
		}
		net := b.Net.Clone()
		last := net.Layers[len(net.Layers)-1]
		last.B[0] = new(big.Rat).Add(last.B[0], big.NewRat(1, 7))
		return construction.NewBuilt("U3-broken", net, b.Unpruned), nil
	}
	search.Configure(11, 30)
	res := checkT51Min(Config{Ctx: context.Background(), Seed: 11, Checks: 30})
	if res.Verdict != Counterexample || len(res.Findings) == 0 || !strings.Contains(res.Findings[0].Text, "U3") {
		t.Fatalf("verdict %s, findings %+v", res.Verdict, res.Findings)
	}
	if k := res.Findings[0].Instance.K; k > 6 {
		t.Errorf("counterexample not shrunk: K = %d", k)
	}
}

// TestT51MinNeverHoldsAboveBound: on K = 5, N = 1 the stated minimum is
// 2√5 + 3 ≈ 7.47; "over" is decided exactly, for the paper's three
// constructions and for all, and agrees with m ≥ 8.
func TestT51MinNeverHoldsAboveBound(t *testing.T) {
	in := instance.OnLine(ratsOf(1, 2, 3, 4, 5), ratsOf(0, 0, 1, 0, 0))
	c := drive.Case{FT: &props.FineTune{Inst: in}}
	nets, err := t51MinPart(&t51MinTally{}).Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := drive.Replay(Config{}, t51MinPart(&t51MinTally{}), c); err != nil {
		t.Fatalf("construction broken: %v", err)
	}
	o := t51Min(in, nets)
	// Stated: min{2√5 + min{2√5, 3}, 6√5} = 2√5 + 3 ≈ 7.47: only m ≤ 7 meets it.
	if o.paperOver != (o.paperBest > 7) || o.allOver != (o.best > 7) {
		t.Fatalf("paper best %d (%s) over %v, best %d (%s) over %v, against %s", o.paperBest, o.paperName, o.paperOver, o.best, o.name, o.allOver, o.stated)
	}
}

func ratsOf(v ...int64) []*big.Rat {
	out := make([]*big.Rat, len(v))
	for i, x := range v {
		out[i] = big.NewRat(x, 1)
	}
	return out
}
