#include "learn/logistic.hpp"

#include <cmath>

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

}  // namespace

LogisticFit fit_logistic(const LogisticProblem& p, int max_iterations) {
  LogisticFit fit;
  Eigen::VectorXd theta = p.prior_mean;
  double current = objective(p, theta);
  for (fit.iterations = 1; fit.iterations <= max_iterations; ++fit.iterations) {
    const Eigen::VectorXd eta = p.offset + p.design * theta;
    const Eigen::VectorXd prob = eta.unaryExpr([](double x) { return 1.0 / (1.0 + std::exp(-x)); });
    const Eigen::VectorXd curvature = prob.cwiseProduct(Eigen::VectorXd::Ones(prob.size()) - prob);
    const Eigen::VectorXd gradient = p.design.transpose() * (prob - p.labels) +
                                     p.prior_precision.cwiseProduct(theta - p.prior_mean);
    Eigen::MatrixXd hessian = p.design.transpose() * curvature.asDiagonal() * p.design;
    hessian.diagonal() += p.prior_precision;
    const Eigen::VectorXd step = hessian.ldlt().solve(gradient);
    // Halve the step until the objective does not rise: a full Newton step
    // can overshoot where the curvature is tiny (probabilities near 0 or 1).
    double scale = 1.0;
    Eigen::VectorXd next = theta - step;
    double value = objective(p, next);
    while (value > current && scale > 1e-10) {
      scale /= 2;
      next = theta - scale * step;
      value = objective(p, next);
    }
    const double moved = (scale * step).lpNorm<Eigen::Infinity>();
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
