package experiment

// Adam (Kingma and Ba 2015) on one flat parameter vector.

import "math"

// Adam is the optimizer state for a parameter vector of fixed length.
type Adam struct {
	LR, Beta1, Beta2, Eps float64
	m, v                  []float64
	t                     int
}

// NewAdam returns Adam with learning rate lr and the usual β1 = 0.9,
// β2 = 0.999, ε = 1e−8, for n parameters.
func NewAdam(n int, lr float64) *Adam {
	return &Adam{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, m: make([]float64, n), v: make([]float64, n)}
}

// Step moves p against the gradient g with bias-corrected moments.
func (a *Adam) Step(p, g []float64) {
	if len(p) != len(a.m) || len(g) != len(a.m) {
		panic("experiment: Adam.Step: vector length differs from the optimizer's")
	}
	a.t++
	c1 := 1 - math.Pow(a.Beta1, float64(a.t))
	c2 := 1 - math.Pow(a.Beta2, float64(a.t))
	step := a.LR * math.Sqrt(c2) / c1
	for i, gi := range g {
		a.m[i] = a.Beta1*a.m[i] + (1-a.Beta1)*gi
		a.v[i] = a.Beta2*a.v[i] + (1-a.Beta2)*gi*gi
		p[i] -= step * a.m[i] / (math.Sqrt(a.v[i]) + a.Eps)
	}
}
