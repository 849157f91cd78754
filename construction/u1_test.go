package construction

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// yunLineInstance is x_i = i (1-based) with the given targets.
func yunLineInstance(z ...*big.Rat) *instance.Instance {
	t := make([]*big.Rat, len(z))
	for i := range t {
		t[i] = big.NewRat(int64(i+1), 1)
	}
	return instance.OnLine(t, z)
}

// yunOneChanged is yunLineInstance with z_i = v at the 0-based index i only.
func yunOneChanged(K, i int, v *big.Rat) *instance.Instance {
	z := make([]*big.Rat, K)
	for j := range z {
		z[j] = new(big.Rat)
	}
	z[i].Set(v)
	return yunLineInstance(z...)
}

// TestU1FitsSmall: U1 fine-tunes every K = 3..30 line instance with one
// changed sample at every position and targets of both signs, verified by
// the oracle.
func TestU1FitsSmall(t *testing.T) {
	for K := 3; K <= 30; K++ {
		for i := 0; i < K; i++ {
			in := yunOneChanged(K, i, big.NewRat(int64(2*(i%2)-1)*int64(i+1), int64(K)))
			b, err := U1(in)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := in.Verify(b.Net); err != nil {
				t.Fatalf("K=%d T={%d}: %v", K, i+1, err)
			}
		}
	}
}

// TestU1CountVersusStated: m_U1 is the least 2(a+b) over integer hard-tanh
// widths with a·b ≥ K (brute force here), and m_U1 ≤ 4√K (exact, by
// squaring) exactly when K is a perfect square, for K = 3..400.
func TestU1CountVersusStated(t *testing.T) {
	for K := 3; K <= 400; K++ {
		b, err := U1(yunOneChanged(K, 0, big.NewRat(1, 2)))
		if err != nil {
			t.Fatal(err)
		}
		best := 1 << 30
		for a := 1; a <= K; a++ {
			best = min(best, 2*(a+(K+a-1)/a))
		}
		if b.Neurons != best {
			t.Fatalf("K=%d: m = %d, least integer count %d", K, b.Neurons, best)
		}
		square := false
		for r := 1; r*r <= K; r++ {
			square = square || r*r == K
		}
		within := b.Neurons*b.Neurons <= 16*K
		if within != square {
			t.Fatalf("K=%d: m = %d within 4√K = %v, K square = %v", K, b.Neurons, within, square)
		}
	}
}

// TestU1RescalesLargeTargets: targets outside [−1, 1] are divided by
// max|z| and multiplied back by the output layer.
func TestU1RescalesLargeTargets(t *testing.T) {
	in := yunLineInstance(big.NewRat(7, 1), new(big.Rat), big.NewRat(-21, 2), big.NewRat(1, 3), new(big.Rat))
	b, err := U1(in)
	if err != nil {
		t.Fatal(err)
	}
	if b.Scale.Cmp(big.NewRat(21, 2)) != 0 {
		t.Fatalf("Scale = %s, want 21/2", b.Scale)
	}
	if _, err := in.Verify(b.Net); err != nil {
		t.Fatal(err)
	}
}

// TestYunBadInput: duplicate samples, K < 3 and ragged rows are typed
// errors naming what is wrong, for every construction, never a panic.
func TestYunBadInput(t *testing.T) {
	dup := yunLineInstance(big.NewRat(1, 2), new(big.Rat), new(big.Rat), new(big.Rat))
	dup.X[3][0] = big.NewRat(2, 1) // equals row 2
	small := yunLineInstance(big.NewRat(1, 2), new(big.Rat))
	ragged := yunLineInstance(big.NewRat(1, 2), new(big.Rat), new(big.Rat))
	ragged.X[1] = append(ragged.X[1], big.NewRat(1, 1))
	builds := map[string]func(*instance.Instance) (*Built, error){
		"U1": U1, "U2": U2, "U2Paper": U2Paper,
		"Deep": func(in *instance.Instance) (*Built, error) { return Deep(in, 5) },
	}
	for name, build := range builds {
		var de *oracle.DuplicatePointError
		if _, err := build(dup); !errors.As(err, &de) || de.I+de.J != 1+3 && de.I+de.J != 2+4 {
			t.Errorf("%s duplicate: %v", name, err)
		}
		var se *SmallKError
		if _, err := build(small); !errors.As(err, &se) || se.K != 2 {
			t.Errorf("%s K=2: %v", name, err)
		}
		if _, err := build(ragged); err == nil {
			t.Errorf("%s ragged rows: no error", name)
		}
	}
	if _, err := Deep(yunOneChanged(5, 1, big.NewRat(1, 1)), 3); err == nil {
		t.Error("Deep with L = 3: no error")
	}
}

// TestYunFaultsBreakTheNetwork: each planted fault (λ = 0, one ReLU short
// in layer 2, a carrier off by one) makes the oracle reject the network on a
// small instance where the correct network passes.
func TestYunFaultsBreakTheNetwork(t *testing.T) {
	in := yunLineInstance(new(big.Rat), big.NewRat(1, 2), new(big.Rat), big.NewRat(-1, 3), new(big.Rat), new(big.Rat))
	type build func(Fault) (*Built, error)
	cases := map[string]struct {
		b build
		f Fault
	}{
		"U1 λ=0":        {func(f Fault) (*Built, error) { return U1With(in, f) }, Fault{LambdaZero: true}},
		"U1 σH short":   {func(f Fault) (*Built, error) { return U1With(in, f) }, Fault{DropReLU: true}},
		"U2 λ=0":        {func(f Fault) (*Built, error) { return U2With(in, f) }, Fault{LambdaZero: true}},
		"U2 σB short":   {func(f Fault) (*Built, error) { return U2With(in, f) }, Fault{DropReLU: true}},
		"Deep carrier":  {func(f Fault) (*Built, error) { return DeepWith(in, 6, f) }, Fault{CarrierOffset: big.NewRat(1, 1)}},
		"Deep σH short": {func(f Fault) (*Built, error) { return DeepWith(in, 5, f) }, Fault{DropReLU: true}},
	}
	for name, c := range cases {
		good, err := c.b(Fault{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.Verify(good.Net); err != nil {
			t.Fatalf("%s: correct network rejected: %v", name, err)
		}
		bad, err := c.b(c.f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.Verify(bad.Net); err == nil {
			t.Errorf("%s: the faulty network passes", name)
		}
	}
}

// TestU1LeanWithinStated: the one-sided-clip U1 fine-tunes every line
// instance with one changed sample (K = 3..40, at both ends, targets 1 and −2/7), uses
// at least 3 ReLUs fewer than the least U1 count (4 fewer unless a layer
// has one unit: K = 3), and is within 4√K (exact, by squaring) at every K,
// square or not.
func TestU1LeanWithinStated(t *testing.T) {
	for K := 3; K <= 40; K++ {
		for _, i := range []int{0, K - 1} {
			for _, v := range []*big.Rat{big.NewRat(1, 1), big.NewRat(-2, 7)} {
				in := yunOneChanged(K, i, v)
				b, err := U1Lean(in)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := in.Verify(b.Net); err != nil {
					t.Fatalf("K=%d i=%d z=%s: %v", K, i+1, v, err)
				}
				best := 1 << 30
				for a := 1; a <= K; a++ {
					best = min(best, 2*(a+(K+a-1)/a))
				}
				if b.Neurons > best-3 || b.Neurons*b.Neurons > 16*K {
					t.Fatalf("K=%d: m = %d, want ≤ %d and ≤ 4√K", K, b.Neurons, best-3)
				}
			}
		}
	}
}
