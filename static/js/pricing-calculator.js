/*
 * Pricing calculator: recomputes the price as the learner types.
 *
 * The page already works without this file (the form submits and the server answers).
 * The formula is the one in courses/pricing.py:
 *   gross per hour    = (income + expenses) × 100 / (hours × (100 − commission))
 *   gross per service = gross per hour × hours per service
 * each rounded up to the currency's step. It is computed here with exact fractions of
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

  function quote(inputs, stepText) {
    var step = parse(stepText);
    var needed = add(inputs.income, inputs.expenses);
    if (needed.n <= ZERO) return null;
    if (inputs.hours.n <= ZERO || inputs.perService.n <= ZERO) return null;
    if (compare(inputs.perService, inputs.hours) > 0) return null;
    if (compare(inputs.commission, frac(HUNDRED)) >= 0) return null;
    var keepPercent = add(frac(HUNDRED), frac(-inputs.commission.n, inputs.commission.d));
    var denominator = mul(inputs.hours, keepPercent);
    var grossHour = div(mul(needed, frac(HUNDRED)), denominator);
    var grossService = div(mul(mul(needed, frac(HUNDRED)), inputs.perService), denominator);
    var hourly = roundUp(grossHour, step);
    var service = roundUp(grossService, step);
    var serviceNet = div(mul(service, keepPercent), frac(HUNDRED));
    return {
      decimals: stepDecimals(stepText),
      hourly: hourly,
      service: service,
      serviceNet: serviceNet,
      needed: needed,
      services: ceilInt(div(needed, serviceNet)),
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
      var stepText = config.steps[currency] || config.defaultStep;
      var complete = Object.keys(inputs).every(function (key) {
        return inputs[key] !== null;
      });
      var q = complete && form.checkValidity() ? quote(inputs, stepText) : null;
      result.hidden = q === null;
      if (invalid) invalid.hidden = q !== null;
      if (q === null) return;
      set("currency", currency);
      set("hourly_price", format(toDecimalString(q.hourly, q.decimals), q.decimals));
      set("service_price", format(toDecimalString(q.service, q.decimals), q.decimals));
      set("service_net", short(q.serviceNet));
      set("monthly_needed", short(q.needed));
      set("services_per_month", format(q.services.toString(), 0));
      set("commission", short(c));
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
