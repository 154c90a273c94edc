#include "learn/logistic.hpp"

#include <cmath>
#include <vector>

namespace demarche::learn {

namespace {

// log(1 + e^x) without overflow for large x.
double softplus(double x) {
  return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

double objective(const LogisticProblem& p, const Eigen::VectorXd& theta) {
  const Eigen::VectorXd eta = p.offset + p.design * theta;
  double value = 0;
  for (Eigen::Index i = 0; i < eta.size(); ++i) value += softplus(eta[i]) - p.labels[i] * eta[i];
  const Eigen::VectorXd away = theta - p.prior_mean;
  return value + 0.5 * away.dot(p.prior_precision.cwiseProduct(away));
}

Eigen::VectorXd clip(const LogisticProblem& p, Eigen::VectorXd theta) {
  if (p.lower.size() == theta.size()) theta = theta.cwiseMax(p.lower);
  if (p.upper.size() == theta.size()) theta = theta.cwiseMin(p.upper);
  return theta;
}

// Coefficient k sits on a bound and the gradient would push it out.
bool held(const LogisticProblem& p, const Eigen::VectorXd& theta, const Eigen::VectorXd& gradient,
          Eigen::Index k) {
  const bool at_lower = p.lower.size() == theta.size() && theta[k] <= p.lower[k];
  const bool at_upper = p.upper.size() == theta.size() && theta[k] >= p.upper[k];
  return (at_lower && gradient[k] > 0) || (at_upper && gradient[k] < 0);
}

// The Newton step for the coefficients not held; 0 for the held ones.
Eigen::VectorXd newton_step(const LogisticProblem& p, const Eigen::VectorXd& theta,
                            const Eigen::VectorXd& gradient, const Eigen::MatrixXd& hessian) {
  std::vector<Eigen::Index> free;
  for (Eigen::Index k = 0; k < theta.size(); ++k) {
    if (!held(p, theta, gradient, k)) free.push_back(k);
  }
  const auto n = static_cast<Eigen::Index>(free.size());
  Eigen::MatrixXd h(n, n);
  Eigen::VectorXd g(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    g[i] = gradient[free[static_cast<std::size_t>(i)]];
    for (Eigen::Index j = 0; j < n; ++j)
      h(i, j) = hessian(free[static_cast<std::size_t>(i)], free[static_cast<std::size_t>(j)]);
  }
  const Eigen::VectorXd solved = h.ldlt().solve(g);
  Eigen::VectorXd step = Eigen::VectorXd::Zero(theta.size());
  for (Eigen::Index i = 0; i < n; ++i) step[free[static_cast<std::size_t>(i)]] = solved[i];
  return step;
}

}  // namespace

LogisticFit fit_logistic(const LogisticProblem& p, int max_iterations) {
  LogisticFit fit;
  Eigen::VectorXd theta = clip(p, p.prior_mean);
  double current = objective(p, theta);
  for (fit.iterations = 1; fit.iterations <= max_iterations; ++fit.iterations) {
    const Eigen::VectorXd eta = p.offset + p.design * theta;
    const Eigen::VectorXd prob = eta.unaryExpr([](double x) { return 1.0 / (1.0 + std::exp(-x)); });
    const Eigen::VectorXd curvature = prob.cwiseProduct(Eigen::VectorXd::Ones(prob.size()) - prob);
    const Eigen::VectorXd gradient = p.design.transpose() * (prob - p.labels) +
                                     p.prior_precision.cwiseProduct(theta - p.prior_mean);
    Eigen::MatrixXd hessian = p.design.transpose() * curvature.asDiagonal() * p.design;
    hessian.diagonal() += p.prior_precision;
    const Eigen::VectorXd step = newton_step(p, theta, gradient, hessian);
    // Halve the step until the objective does not rise: a full Newton step
    // can overshoot where the curvature is tiny (probabilities near 0 or 1).
    double scale = 1.0;
    Eigen::VectorXd next = clip(p, theta - step);
    double value = objective(p, next);
    while (value > current && scale > 1e-10) {
      scale /= 2;
      next = clip(p, theta - scale * step);
      value = objective(p, next);
    }
    const double moved = (next - theta).lpNorm<Eigen::Infinity>();
    theta = next;
    current = value;
    if (moved < 1e-9) {
      fit.converged = true;
      break;
    }
  }
  fit.coefficients = theta;
  return fit;
}

}  // namespace demarche::learn
