// Maximum a posteriori logistic regression with a Gaussian prior per
// coefficient, solved by Newton's method on Eigen's dense Cholesky.
//
// The prior is what makes the weights learnable from a few hundred
// sentences: it keeps every coefficient near an author's number unless the
// data say otherwise, and keeps them finite when the data separate the
// classes perfectly (which, for a good rule, they often do).
#pragma once

#include <Eigen/Dense>

namespace demarche::learn {

struct LogisticProblem {
  Eigen::MatrixXd design;           // one row per sample, one column per coefficient
  Eigen::VectorXd offset;           // log-odds each sample has whatever the coefficients
  Eigen::VectorXd labels;           // 0 or 1 (fractions also work)
  Eigen::VectorXd prior_mean;       // per coefficient
  Eigen::VectorXd prior_precision;  // per coefficient, > 0: 1 / prior variance
  // Per coefficient, the box it must stay in; empty: unbounded. A weight
  // the data never contradict would otherwise run as far as the prior lets
  // it, and a weak prior lets it run to a certainty no data can show.
  Eigen::VectorXd lower;
  Eigen::VectorXd upper;
};

struct LogisticFit {
  Eigen::VectorXd coefficients;
  int iterations = 0;
  bool converged = false;
};

// Minimises  sum_i [log(1 + e^eta_i) - y_i eta_i]
//          + 1/2 sum_k precision_k (theta_k - mean_k)^2,
// eta = offset + design * theta, within the bounds, starting from the prior
// mean (moved into the bounds). The objective is strictly convex (the prior
// makes it so), so projected Newton's method with step halving converges to
// its one minimum in the box: coefficients at a bound that the gradient
// pushes outwards are held there, the others take a Newton step, and the
// result is clipped back into the box.
LogisticFit fit_logistic(const LogisticProblem& problem, int max_iterations = 100);

}  // namespace demarche::learn
