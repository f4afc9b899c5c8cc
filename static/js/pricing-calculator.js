/*
 * Pricing calculator: recomputes the price as the learner types.
 *
 * The page already works without this file (the form submits and the server answers).
 * The formula is the one in courses/pricing.py:
 *   gross per hour    = (income + expenses) × 100 / (hours × (100 − commission))
 *   gross per service = gross per hour × hours per service
 * each rounded up to the currency's step. When the chosen marketplace has price rules
 * (its currency, lowest price and step) and both currencies have an exchange rate, the
 * prices are converted inside the same fraction (× its units per dollar ÷ the learner's),
 * rounded up to the marketplace's step and never below its lowest price; the learner's
 * currency is shown beside them. It is computed here with exact fractions of
 * BigInt, never with floating point, so the browser shows the same figures as the
 * server down to the last digit. Numbers are written in Latin digits in every language,
 * as on the server.
 */
(function () {
  "use strict";

  var TEN = BigInt(10);
  var HUNDRED = BigInt(100);
  var ZERO = BigInt(0);
  var ONE = BigInt(1);

  var ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
  var PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";

  function normaliseDigits(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      var a = ARABIC_DIGITS.indexOf(ch);
      var p = PERSIAN_DIGITS.indexOf(ch);
      if (a >= 0) out += String(a);
      else if (p >= 0) out += String(p);
      else if (ch === "٫") out += ".";
      else if (ch === "٬" || ch === " " || ch === "\u00a0" || ch === "\u202f") continue;
      else out += ch;
    }
    return out;
  }

  // A fraction {n, d} with d > 0, from a plain decimal string such as "12.5".
  function parse(text) {
    var clean = normaliseDigits(String(text || "").trim());
    var match = /^(\d+)(?:\.(\d+))?$/.exec(clean);
    if (!match) return null;
    var decimals = match[2] || "";
    return { n: BigInt(match[1] + decimals), d: TEN ** BigInt(decimals.length) };
  }

  function frac(n, d) {
    return { n: n, d: d === undefined ? ONE : d };
  }
  function add(a, b) {
    return frac(a.n * b.d + b.n * a.d, a.d * b.d);
  }
  function mul(a, b) {
    return frac(a.n * b.n, a.d * b.d);
  }
  function div(a, b) {
    return frac(a.n * b.d, a.d * b.n);
  }
  function ceilInt(a) {
    return (a.n + a.d - ONE) / a.d; // a is positive; BigInt division truncates
  }
  function compare(a, b) {
    var left = a.n * b.d;
    var right = b.n * a.d;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  // Decimal text of a fraction whose denominator divides 10^decimals, or rounded half up.
  function toDecimalString(a, decimals) {
    var scale = TEN ** BigInt(decimals);
    var scaled = (a.n * scale * BigInt(2) + a.d) / (a.d * BigInt(2)); // half up
    var digits = scaled.toString();
    if (decimals === 0) return digits;
    while (digits.length <= decimals) digits = "0" + digits;
    return digits.slice(0, digits.length - decimals) + "." + digits.slice(digits.length - decimals);
  }

  function stepDecimals(stepText) {
    var dot = stepText.indexOf(".");
    if (dot < 0) return 0;
    var fraction = stepText.slice(dot + 1).replace(/0+$/, "");
    return fraction.length;
  }

  // Decimals worth showing, at most two: 6500 → 0, 20.5 → 1 (courses.pricing.short_decimals).
  function shortDecimals(a) {
    var text = toDecimalString(a, 2).replace(/0+$/, "");
    return text.charAt(text.length - 1) === "." ? 0 : text.length - text.indexOf(".") - 1;
  }

  function roundUp(value, step) {
    return mul(frac(ceilInt(div(value, step))), step);
  }

  function rateOf(config, currency) {
    if (currency === "USD") return frac(ONE);
    var text = config.rates[currency];
    return text ? parse(text) : null;
  }

  // Price currency, steps, minimum and rate, as courses.pricing.price_basis decides.
  function basis(config, currency, marketplace) {
    var market = Object.prototype.hasOwnProperty.call(config.markets, marketplace)
      ? config.markets[marketplace]
      : null;
    if (market) {
      if (market.currency === currency) {
        return { currency: currency, step: market.step, hourStep: config.steps[currency] || config.defaultStep,
                 minimum: market.minimum, applied: true, rate: null };
      }
      var marketRate = rateOf(config, market.currency);
      var localRate = rateOf(config, currency);
      if (marketRate && localRate) {
        return { currency: market.currency, step: market.step,
                 hourStep: config.steps[market.currency] || config.defaultStep,
                 minimum: market.minimum, applied: true, rate: [marketRate, localRate] };
      }
    }
    var step = config.steps[currency] || config.defaultStep;
    return { currency: currency, step: step, hourStep: step, minimum: "0", applied: false, rate: null };
  }

  function quote(inputs, base) {
    var step = parse(base.step);
    var hourStep = parse(base.hourStep);
    var minimum = parse(base.minimum);
    var marketUnits = base.rate ? base.rate[0] : frac(ONE);
    var localUnits = base.rate ? base.rate[1] : frac(ONE);
    var needed = add(inputs.income, inputs.expenses);
    if (needed.n <= ZERO) return null;
    if (inputs.hours.n <= ZERO || inputs.perService.n <= ZERO) return null;
    if (compare(inputs.perService, inputs.hours) > 0) return null;
    if (compare(inputs.commission, frac(HUNDRED)) >= 0) return null;
    var keepPercent = add(frac(HUNDRED), frac(-inputs.commission.n, inputs.commission.d));
    var denominator = mul(mul(inputs.hours, keepPercent), localUnits);
    var numerator = mul(mul(needed, frac(HUNDRED)), marketUnits);
    var grossHour = div(numerator, denominator);
    var grossService = div(mul(numerator, inputs.perService), denominator);
    var hourly = roundUp(grossHour, hourStep);
    var service = roundUp(grossService, step);
    var lowest = roundUp(minimum, step);
    if (compare(service, lowest) < 0) service = lowest;
    var serviceNet = div(mul(service, keepPercent), frac(HUNDRED));
    function local(a) {
      return div(mul(a, localUnits), marketUnits);
    }
    return {
      decimals: stepDecimals(base.step),
      hourDecimals: stepDecimals(base.hourStep),
      hourly: hourly,
      service: service,
      serviceNet: serviceNet,
      hourlyLocal: local(hourly),
      serviceLocal: local(service),
      serviceNetLocal: local(serviceNet),
      needed: needed,
      services: ceilInt(div(mul(needed, marketUnits), mul(serviceNet, localUnits))),
    };
  }

  function init(form) {
    var config = JSON.parse(document.getElementById(form.dataset.config).textContent);
    var root = form.closest("[data-calculator-root]") || form;
    var result = root.querySelector("[data-calc-result]");
    var invalid = root.querySelector("[data-calc-invalid]");
    var customField = form.querySelector("[data-custom-commission]");
    var locale = config.language + "-u-nu-latn";
    var formats = {};

    function format(text, decimals) {
      if (!formats[decimals]) {
        formats[decimals] = new Intl.NumberFormat(locale, {
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
        });
      }
      // A string keeps every digit: Intl formats it as an exact decimal.
      return formats[decimals].format(text);
    }

    function short(a) {
      var decimals = shortDecimals(a);
      return format(toDecimalString(a, decimals), decimals);
    }

    function field(name) {
      return form.elements.namedItem(name);
    }

    function set(name, text) {
      root.querySelectorAll('[data-out="' + name + '"]').forEach(function (el) {
        el.textContent = text;
      });
    }

    function commission() {
      var marketplace = field("marketplace").value;
      if (Object.prototype.hasOwnProperty.call(config.commissions, marketplace)) {
          return parse(config.commissions[marketplace]);
      }
      return parse(field("commission_percent").value);
    }

    function update() {
      var custom = !Object.prototype.hasOwnProperty.call(config.commissions, field("marketplace").value);
      if (customField) customField.hidden = !custom;
      field("commission_percent").required = custom;
      var c = commission();
      var inputs = {
        income: parse(field("target_income").value),
        expenses: parse(field("monthly_expenses").value),
        hours: parse(field("billable_hours").value),
        perService: parse(field("hours_per_service").value),
        commission: c,
      };
      var currency = field("currency").value;
      var marketplace = field("marketplace").value;
      var base = basis(config, currency, marketplace);
      showRules(marketplace, currency, base);
      showPayouts();
      var complete = Object.keys(inputs).every(function (key) {
        return inputs[key] !== null;
      });
      var q = complete && form.checkValidity() ? quote(inputs, base) : null;
      result.hidden = q === null;
      if (invalid) invalid.hidden = q !== null;
      if (q === null) return;
      set("currency", currency);
      set("price_currency", base.currency);
      set("hourly_price", format(toDecimalString(q.hourly, q.hourDecimals), q.hourDecimals));
      set("service_price", format(toDecimalString(q.service, q.decimals), q.decimals));
      set("service_net", short(q.serviceNet));
      set("hourly_local", short(q.hourlyLocal));
      set("service_local", short(q.serviceLocal));
      set("service_net_local", short(q.serviceNetLocal));
      set("monthly_needed", short(q.needed));
      set("services_per_month", format(q.services.toString(), 0));
      set("commission", short(c));
    }

    function showRules(marketplace, currency, base) {
      root.querySelectorAll("[data-market-rule]").forEach(function (el) {
        el.hidden = el.dataset.marketRule !== marketplace;
      });
      root.querySelectorAll("[data-rate]").forEach(function (el) {
        var code = el.dataset.rate;
        el.hidden = !base.rate || (code !== currency && code !== base.currency);
      });
      root.querySelectorAll("[data-local]").forEach(function (el) {
        el.hidden = !base.rate;
      });
      var noRate = root.querySelector("[data-no-rate]");
      if (noRate) noRate.hidden = base.applied || marketplace === "custom";
    }

    function showPayouts() {
      var country = field("country") ? field("country").value : "";
      root.querySelectorAll("[data-payouts]").forEach(function (el) {
        el.hidden = el.dataset.payouts !== country;
      });
      var pick = root.querySelector("[data-payouts-pick]");
      if (pick) pick.hidden = country !== "";
    }

    // A learner who picks her country starts in its currency; she may still change it.
    var countryField = field("country");
    if (countryField) {
      countryField.addEventListener("change", function () {
        var currency = config.countryCurrencies[countryField.value];
        if (currency) field("currency").value = currency;
      });
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.dataset.enhanced = "true";
    update();
  }

  function start() {
    document.querySelectorAll("form[data-pricing-calculator]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
