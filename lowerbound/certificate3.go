package lowerbound

// The 3-layer certificate for 1-D data and the lines of `ftcheck mstar`
// (see the comment of certificate.go for the reasoning).

import (
	"fmt"
	"io"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// ThreeLayerLower1D is the least d1 + d2 (d1, d2 ≥ 1) whose proven piece
// bound MaxPieces3 admits the R + 1 pieces the data needs; 0 for constant
// data and 2 for non-constant affine data.
func ThreeLayerLower1D(t, z []*big.Rat) (int, error) {
	ln, err := SortLine(t, z)
	if err != nil {
		return 0, err
	}
	return threeLower(ln), nil
}

func threeLower(ln *Line) int {
	R := ln.MinBreakpoints()
	if R == 0 {
		s := ln.Slopes()
		if len(s) == 0 || (s[0].Sign() == 0 && allEqual(s)) {
			return 0
		}
		return 2
	}
	return SharpThreeLayerLower(R)
}

// ThreeLayerMin1D certifies m* = d1 + d2 of a 3-layer net for 1-D data: lo
// from ThreeLayerLower1D, hi from the verified 2-layer net of TwoLayerMin1D
// followed by one unit σ(g + C) − C.
func ThreeLayerMin1D(t, z []*big.Rat) (*Interval, error) {
	two, err := TwoLayerMin1D(t, z)
	if err != nil {
		return nil, err
	}
	ln, _ := SortLine(t, z)
	lo := threeLower(ln)
	iv := &Interval{Lo: lo, Breaks: two.Breaks,
		LoWhy: "least d1+d2 with MaxPieces3(d1, d2) ≥ R+1 (beyond-paper piece bound)"}
	if two.Hi == 0 {
		iv.Hi, iv.Net, iv.HiWhy = 0, two.Net, "constant data: no unit"
	} else {
		iv.Net, iv.Hi = deepen(ln, two.Net), two.Hi+1
		iv.HiWhy = fmt.Sprintf("2-layer net with %d units, then one unit σ(g + C) − C", two.Hi)
		if _, err := instance.OnLine(ln.T, ln.V).Verify(iv.Net); err != nil {
			return nil, &DataError{0, "internal: the built 3-layer net does not verify: " + err.Error()}
		}
	}
	iv.Decided = iv.Lo == iv.Hi
	return iv, nil
}

// deepen appends one ReLU unit: g ↦ σ(g + C) − C with C = max(0, −min g(t_i)).
func deepen(ln *Line, g *oracle.Network) *oracle.Network {
	C := new(big.Rat)
	X := make([][]*big.Rat, len(ln.T))
	for i, t := range ln.T {
		X[i] = []*big.Rat{t}
	}
	for _, v := range oracle.NewEvaluator(g).EvalAll(X) {
		if v.Sign() < 0 && new(big.Rat).Neg(v).Cmp(C) > 0 {
			C.Neg(v)
		}
	}
	n := g.Clone()
	last := &n.Layers[len(n.Layers)-1]
	last.B[0] = new(big.Rat).Add(last.B[0], C)
	n.Layers = append(n.Layers, oracle.Layer{W: [][]*big.Rat{{big.NewRat(1, 1)}}, B: []*big.Rat{new(big.Rat).Neg(C)}})
	return n
}

// WriteMstar prints the lower-bound lines of `ftcheck mstar` for 1-D data:
//
//	min-breakpoints: R
//	2-layer m*: [lo, hi] (upper: …)
//	3-layer m*: [lo, hi] (upper: …)
//
// The CLI may replace the upper ends by better verified constructions.
func WriteMstar(w io.Writer, t, z []*big.Rat) error {
	two, err := TwoLayerMin1D(t, z)
	if err != nil {
		return err
	}
	three, err := ThreeLayerMin1D(t, z)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "min-breakpoints: %d\n2-layer m*: [%d, %d] (upper: %s)\n3-layer m*: [%d, %d] (upper: %s)\n",
		two.Breaks, two.Lo, two.Hi, two.HiWhy, three.Lo, three.Hi, three.HiWhy)
	return err
}
