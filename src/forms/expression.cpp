// Hand-written recursive-descent parser and tree-walking evaluator for form expressions.
// The grammar is in expression.h. Form files are data a province may edit, so the parser
// treats its input as hostile: it bounds length and nesting (the fuzz target leans on that)
// and reports errors as values with the byte position, never by throwing.
#include "forms/expression.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "forms/date_words.h"
#include "forms/errors.h"

namespace gocua::forms {

namespace detail {

enum class Op { Eq, Ne, Lt, Le, Gt, Ge };
enum class Fn { Today, Age, AgeOn, Answered, Selected, SameDateInWords };

struct Node {
  enum class Kind { Literal, Ref, Not, And, Or, Compare, Call } kind;
  ValueKind type = ValueKind::Any;  // static kind of the result
  Value literal;                    // Literal
  int slot = -1;                    // Ref
  Op op = Op::Eq;                   // Compare
  Fn fn = Fn::Today;                // Call
  std::vector<std::shared_ptr<const Node>> kids;
};

}  // namespace detail

namespace {

using detail::Fn;
using detail::Node;
using detail::Op;
using NodePtr = std::shared_ptr<const Node>;

constexpr std::size_t kMaxSource = 4000;
constexpr int kMaxDepth = 64;

enum class Tok { End, Name, String, Number, LParen, RParen, Comma, Op };

struct Token {
  Tok kind = Tok::End;
  std::string text;  // name (with dots), unescaped string, number text or operator
  std::size_t pos = 0;
};

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

const char* kindName(ValueKind k) {
  switch (k) {
    case ValueKind::Any:
      return "any";
    case ValueKind::Bool:
      return "boolean";
    case ValueKind::Number:
      return "number";
    case ValueKind::String:
      return "text";
    case ValueKind::Date:
      return "date";
    case ValueKind::List:
      return "list";
  }
  return "?";
}

class Parser {
 public:
  Parser(std::string_view src, const Resolver& resolve) : src_(src), resolve_(resolve) {}

  Result<NodePtr> run() {
    if (src_.size() > kMaxSource) return fail(err::kExprTooDeep, 0, "expression longer than 4000 bytes");
    if (!advance()) return *error_;
    auto root = parseOr(0);
    if (!root) return *error_;
    if (tok_.kind != Tok::End) return fail(err::kExprSyntax, tok_.pos, "unexpected '" + tok_.text + "'");
    if (!requireBool(*root, 0)) return *error_;
    return root;
  }

 private:
  std::string_view src_;
  const Resolver& resolve_;
  std::size_t at_ = 0;
  Token tok_;
  std::optional<Error> error_;

  Error fail(const ErrorCode& code, std::size_t pos, const std::string& what) {
    error_ = Error::make(code, {}, "at " + std::to_string(pos) + ": " + what);
    return *error_;
  }
  std::nullptr_t failNull(const ErrorCode& code, std::size_t pos, const std::string& what) {
    fail(code, pos, what);
    return nullptr;
  }

  // Reads the next token into tok_; false (with error_ set) on a lexical error.
  bool advance() {
    while (at_ < src_.size() && std::isspace(static_cast<unsigned char>(src_[at_]))) ++at_;
    tok_ = Token{Tok::End, {}, at_};
    if (at_ >= src_.size()) return true;
    const char c = src_[at_];
    if (isNameStart(c)) {
      std::size_t end = at_;
      // Dotted path: name(.name)*; a dot must be followed by a name.
      while (true) {
        while (end < src_.size() && isNameChar(src_[end])) ++end;
        if (end + 1 < src_.size() && src_[end] == '.' && isNameStart(src_[end + 1])) {
          ++end;
          continue;
        }
        break;
      }
      if (end < src_.size() && src_[end] == '.') {
        fail(err::kExprSyntax, end, "a '.' must be followed by a field name");
        return false;
      }
      tok_.kind = Tok::Name;
      tok_.text = std::string(src_.substr(at_, end - at_));
      at_ = end;
      return true;
    }
    if (isDigit(c) || (c == '-' && at_ + 1 < src_.size() && isDigit(src_[at_ + 1]))) {
      std::size_t end = at_ + 1;
      while (end < src_.size() && isDigit(src_[end])) ++end;
      if (end < src_.size() && src_[end] == '.') {
        ++end;
        if (end >= src_.size() || !isDigit(src_[end])) {
          fail(err::kExprSyntax, end, "digits expected after the decimal point");
          return false;
        }
        while (end < src_.size() && isDigit(src_[end])) ++end;
      }
      if (end < src_.size() && isNameChar(src_[end])) {
        fail(err::kExprSyntax, end, "a number runs into a name");
        return false;
      }
      tok_.kind = Tok::Number;
      tok_.text = std::string(src_.substr(at_, end - at_));
      at_ = end;
      return true;
    }
    if (c == '\'' || c == '"') {
      std::string out;
      std::size_t i = at_ + 1;
      for (; i < src_.size() && src_[i] != c; ++i) {
        if (src_[i] == '\\' && i + 1 < src_.size() && (src_[i + 1] == c || src_[i + 1] == '\\')) ++i;
        out += src_[i];
      }
      if (i >= src_.size()) {
        fail(err::kExprSyntax, at_, "unterminated string");
        return false;
      }
      tok_.kind = Tok::String;
      tok_.text = std::move(out);
      at_ = i + 1;
      return true;
    }
    auto two = src_.substr(at_, 2);
    for (std::string_view op : {"==", "!=", "<=", ">="}) {
      if (two == op) {
        tok_.kind = Tok::Op;
        tok_.text = std::string(op);
        at_ += 2;
        return true;
      }
    }
    switch (c) {
      case '=':
      case '<':
      case '>':
        tok_.kind = Tok::Op;
        break;
      case '(':
        tok_.kind = Tok::LParen;
        break;
      case ')':
        tok_.kind = Tok::RParen;
        break;
      case ',':
        tok_.kind = Tok::Comma;
        break;
      default:
        fail(err::kExprSyntax, at_, std::string("unexpected character '") + c + "'");
        return false;
    }
    tok_.text = std::string(1, c);
    ++at_;
    return true;
  }

  bool isKeyword(std::string_view word) const { return tok_.kind == Tok::Name && tok_.text == word; }

  bool requireBool(const Node& n, std::size_t pos) {
    if (n.type == ValueKind::Bool || n.type == ValueKind::Any) return true;
    fail(err::kExprType, pos, std::string("a condition is needed here, not a ") + kindName(n.type));
    return false;
  }

  NodePtr parseOr(int depth) {
    if (depth > kMaxDepth) return failNull(err::kExprTooDeep, tok_.pos, "nested too deeply");
    return parseChain(depth, "or", Node::Kind::Or);
  }

  NodePtr parseChain(int depth, const char* word, Node::Kind kind) {
    const std::size_t pos = tok_.pos;
    NodePtr left = kind == Node::Kind::Or ? parseChain(depth, "and", Node::Kind::And) : parseNot(depth);
    if (!left) return nullptr;
    if (!isKeyword(word)) return left;
    if (!requireBool(*left, pos)) return nullptr;
    auto node = std::make_shared<Node>();
    node->kind = kind;
    node->type = ValueKind::Bool;
    node->kids.push_back(left);
    while (isKeyword(word)) {
      if (!advance()) return nullptr;
      const std::size_t rpos = tok_.pos;
      NodePtr right = kind == Node::Kind::Or ? parseChain(depth, "and", Node::Kind::And) : parseNot(depth);
      if (!right || !requireBool(*right, rpos)) return nullptr;
      node->kids.push_back(right);
    }
    return node;
  }

  NodePtr parseNot(int depth) {
    if (depth > kMaxDepth) return failNull(err::kExprTooDeep, tok_.pos, "nested too deeply");
    if (isKeyword("not")) {
      if (!advance()) return nullptr;
      const std::size_t pos = tok_.pos;
      NodePtr inner = parseNot(depth + 1);
      if (!inner || !requireBool(*inner, pos)) return nullptr;
      auto node = std::make_shared<Node>();
      node->kind = Node::Kind::Not;
      node->type = ValueKind::Bool;
      node->kids.push_back(inner);
      return node;
    }
    return parseComparison(depth);
  }

  static bool comparable(ValueKind a, ValueKind b) {
    if (a == ValueKind::Any || b == ValueKind::Any) return true;
    if (a == ValueKind::List || b == ValueKind::List) return false;
    if (a == b) return true;
    // A date field against a text literal such as '01/07/2025'.
    return (a == ValueKind::Date && b == ValueKind::String) || (a == ValueKind::String && b == ValueKind::Date);
  }

  NodePtr parseComparison(int depth) {
    const std::size_t pos = tok_.pos;
    NodePtr left = parsePrimary(depth);
    if (!left || tok_.kind != Tok::Op) return left;
    static const std::pair<std::string_view, Op> ops[] = {{"=", Op::Eq},  {"==", Op::Eq}, {"!=", Op::Ne}, {"<", Op::Lt},
                                                          {"<=", Op::Le}, {">", Op::Gt},  {">=", Op::Ge}};
    Op op = Op::Eq;
    for (const auto& [text, o] : ops)
      if (tok_.text == text) op = o;
    const std::size_t opPos = tok_.pos;
    if (!advance()) return nullptr;
    NodePtr right = parsePrimary(depth);
    if (!right) return nullptr;
    if (!comparable(left->type, right->type))
      return failNull(err::kExprType, pos,
                      std::string("cannot compare ") + kindName(left->type) + " with " + kindName(right->type));
    const bool ordered = op != Op::Eq && op != Op::Ne;
    if (ordered && (left->type == ValueKind::Bool || right->type == ValueKind::Bool))
      return failNull(err::kExprType, opPos, "yes/no values have no order");
    if (tok_.kind == Tok::Op) return failNull(err::kExprSyntax, tok_.pos, "comparisons do not chain; use 'and'");
    auto node = std::make_shared<Node>();
    node->kind = Node::Kind::Compare;
    node->type = ValueKind::Bool;
    node->op = op;
    node->kids = {left, right};
    return node;
  }

  NodePtr literal(Value v, ValueKind k) {
    auto node = std::make_shared<Node>();
    node->kind = Node::Kind::Literal;
    node->type = k;
    node->literal = std::move(v);
    return node;
  }

  NodePtr parsePrimary(int depth) {
    const Token t = tok_;
    switch (t.kind) {
      case Tok::End:
        return failNull(err::kExprSyntax, t.pos, "expression ends too early");
      case Tok::LParen: {
        if (!advance()) return nullptr;
        NodePtr inner = parseOr(depth + 1);
        if (!inner) return nullptr;
        if (tok_.kind != Tok::RParen) return failNull(err::kExprSyntax, tok_.pos, "expected ')'");
        if (!advance()) return nullptr;
        return inner;
      }
      case Tok::Number: {
        double d = 0;
        // from_chars for doubles is in GCC 12's libstdc++; it never throws.
        auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), d);
        if (ec != std::errc() || p != t.text.data() + t.text.size() || !std::isfinite(d))
          return failNull(err::kExprSyntax, t.pos, "bad number");
        if (!advance()) return nullptr;
        return literal(Value::of(d), ValueKind::Number);
      }
      case Tok::String:
        if (!advance()) return nullptr;
        return literal(Value::of(t.text), ValueKind::String);
      case Tok::Name:
        break;
      default:
        return failNull(err::kExprSyntax, t.pos, "unexpected '" + t.text + "'");
    }
    if (t.text == "true" || t.text == "false") {
      if (!advance()) return nullptr;
      return literal(Value::of(t.text == "true"), ValueKind::Bool);
    }
    if (t.text == "and" || t.text == "or" || t.text == "not")
      return failNull(err::kExprSyntax, t.pos, "'" + t.text + "' needs a value before it");
    if (!advance()) return nullptr;
    if (tok_.kind == Tok::LParen) return parseCall(t);
    return reference(t);
  }

  NodePtr reference(const Token& t) {
    std::vector<std::string> path;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= t.text.size(); ++i) {
      if (i == t.text.size() || t.text[i] == '.') {
        path.push_back(t.text.substr(start, i - start));
        start = i + 1;
      }
    }
    auto bound = resolve_(path);
    if (!bound.ok()) {
      error_ = bound.error();
      error_->detail = "at " + std::to_string(t.pos) + ": " + (error_->detail.empty() ? t.text : error_->detail);
      return nullptr;
    }
    auto node = std::make_shared<Node>();
    node->kind = Node::Kind::Ref;
    node->slot = bound->slot;
    node->type = bound->kind;
    return node;
  }

  NodePtr parseCall(const Token& name) {
    auto node = std::make_shared<Node>();
    node->kind = Node::Kind::Call;
    std::size_t arity = 0;
    if (name.text == "today") {
      node->fn = Fn::Today, node->type = ValueKind::Date, arity = 0;
    } else if (name.text == "age") {
      node->fn = Fn::Age, node->type = ValueKind::Number, arity = 1;
    } else if (name.text == "age_on") {
      node->fn = Fn::AgeOn, node->type = ValueKind::Number, arity = 2;
    } else if (name.text == "same_date_in_words") {
      node->fn = Fn::SameDateInWords, node->type = ValueKind::Bool, arity = 2;
    } else if (name.text == "answered") {
      node->fn = Fn::Answered, node->type = ValueKind::Bool, arity = 1;
    } else if (name.text == "selected") {
      node->fn = Fn::Selected, node->type = ValueKind::Bool, arity = 2;
    } else {
      return failNull(err::kExprUnknownFunction, name.pos, "no function '" + name.text + "'");
    }
    if (!advance()) return nullptr;  // past '('
    for (std::size_t i = 0; i < arity; ++i) {
      if (i > 0) {
        if (tok_.kind != Tok::Comma) return failNull(err::kExprSyntax, tok_.pos, "expected ','");
        if (!advance()) return nullptr;
      }
      const Token arg = tok_;
      const bool wantString = node->fn == Fn::Selected && i == 1;
      if (wantString) {
        if (arg.kind != Tok::String)
          return failNull(err::kExprType, arg.pos, "selected() takes a quoted choice value second");
        if (!advance()) return nullptr;
        node->kids.push_back(literal(Value::of(arg.text), ValueKind::String));
        continue;
      }
      if (arg.kind != Tok::Name || arg.text == "true" || arg.text == "false")
        return failNull(err::kExprType, arg.pos, name.text + "() takes a field name");
      if (!advance()) return nullptr;
      NodePtr ref = reference(arg);
      if (!ref) return nullptr;
      const bool wantDate = node->fn == Fn::Age || node->fn == Fn::AgeOn || (node->fn == Fn::SameDateInWords && i == 1);
      if (wantDate && ref->type != ValueKind::Date && ref->type != ValueKind::Any)
        return failNull(err::kExprType, arg.pos,
                        name.text + "() needs a date field, '" + arg.text + "' is a " + kindName(ref->type));
      if (node->fn == Fn::SameDateInWords && i == 0 && ref->type != ValueKind::String && ref->type != ValueKind::Any)
        return failNull(err::kExprType, arg.pos, "same_date_in_words() needs a text field first");
      if (node->fn == Fn::Selected && ref->type != ValueKind::List && ref->type != ValueKind::String &&
          ref->type != ValueKind::Any)
        return failNull(err::kExprType, arg.pos, "selected() needs a choice field");
      node->kids.push_back(ref);
    }
    if (tok_.kind != Tok::RParen) return failNull(err::kExprSyntax, tok_.pos, "expected ')'");
    if (!advance()) return nullptr;
    return node;
  }
};

// --- evaluation -----------------------------------------------------------------------------

bool truthy(const Value& v) { return std::holds_alternative<bool>(v.v) && std::get<bool>(v.v); }

// -1/0/1, or nullopt when the two values cannot be ordered.
std::optional<int> order(const Value& a, const Value& b) {
  auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  if (auto* x = std::get_if<double>(&a.v))
    if (auto* y = std::get_if<double>(&b.v)) return sign(*x, *y);
  if (auto* x = std::get_if<core::Date>(&a.v)) {
    if (auto* y = std::get_if<core::Date>(&b.v)) return sign(*x, *y);
    if (auto* s = std::get_if<std::string>(&b.v)) {
      auto d = core::parseDate(*s, core::DatePrecision::Year);
      if (d.ok()) return sign(*x, *d);
      return std::nullopt;
    }
  }
  if (std::holds_alternative<std::string>(a.v) && std::holds_alternative<core::Date>(b.v)) {
    auto r = order(b, a);
    if (r) return -*r;
    return std::nullopt;
  }
  if (auto* x = std::get_if<std::string>(&a.v))
    if (auto* y = std::get_if<std::string>(&b.v)) return sign(*x, *y);
  if (auto* x = std::get_if<bool>(&a.v))
    if (auto* y = std::get_if<bool>(&b.v)) return sign(*x, *y);
  return std::nullopt;
}

Value eval(const Node& n, const Environment& env) {
  switch (n.kind) {
    case Node::Kind::Literal:
      return n.literal;
    case Node::Kind::Ref:
      return env.lookup(n.slot);
    case Node::Kind::Not:
      return Value::of(!truthy(eval(*n.kids[0], env)));
    case Node::Kind::And:
      for (const auto& k : n.kids)
        if (!truthy(eval(*k, env))) return Value::of(false);
      return Value::of(true);
    case Node::Kind::Or:
      for (const auto& k : n.kids)
        if (truthy(eval(*k, env))) return Value::of(true);
      return Value::of(false);
    case Node::Kind::Compare: {
      const Value a = eval(*n.kids[0], env);
      const Value b = eval(*n.kids[1], env);
      if (a.isNull() || b.isNull()) {
        const bool same = a.isNull() && b.isNull();
        if (n.op == Op::Eq) return Value::of(same);
        if (n.op == Op::Ne) return Value::of(!same);
        return Value::of(false);
      }
      const auto o = order(a, b);
      if (!o) return Value::of(n.op == Op::Ne);
      switch (n.op) {
        case Op::Eq:
          return Value::of(*o == 0);
        case Op::Ne:
          return Value::of(*o != 0);
        case Op::Lt:
          return Value::of(*o < 0);
        case Op::Le:
          return Value::of(*o <= 0);
        case Op::Gt:
          return Value::of(*o > 0);
        case Op::Ge:
          return Value::of(*o >= 0);
      }
      return Value::null();
    }
    case Node::Kind::Call:
      switch (n.fn) {
        case Fn::Today:
          return Value::of(env.today());
        case Fn::Age: {
          const Value d = eval(*n.kids[0], env);
          if (auto* date = std::get_if<core::Date>(&d.v))
            return Value::of(static_cast<double>(core::ageOn(*date, env.today())));
          return Value::null();
        }
        case Fn::AgeOn: {
          const Value birth = eval(*n.kids[0], env);
          const Value on = eval(*n.kids[1], env);
          auto* b = std::get_if<core::Date>(&birth.v);
          auto* o = std::get_if<core::Date>(&on.v);
          if (b && o) return Value::of(static_cast<double>(core::ageOn(*b, *o)));
          return Value::null();
        }
        case Fn::SameDateInWords: {
          const Value words = eval(*n.kids[0], env);
          const Value date = eval(*n.kids[1], env);
          auto* w = std::get_if<std::string>(&words.v);
          auto* d = std::get_if<core::Date>(&date.v);
          if (w && d) return Value::of(sameDateInWords(*w, *d));
          return Value::null();
        }
        case Fn::Answered:
          return Value::of(!eval(*n.kids[0], env).isNull());
        case Fn::Selected: {
          const Value v = eval(*n.kids[0], env);
          const auto& want = std::get<std::string>(n.kids[1]->literal.v);
          if (auto* list = std::get_if<std::vector<std::string>>(&v.v)) {
            for (const auto& item : *list)
              if (item == want) return Value::of(true);
            return Value::of(false);
          }
          if (auto* s = std::get_if<std::string>(&v.v)) return Value::of(*s == want);
          return Value::of(false);
        }
      }
  }
  return Value::null();
}

}  // namespace

Result<Expression> Expression::parse(std::string_view text, const Resolver& resolve) {
  Parser parser(text, resolve);
  auto root = parser.run();
  if (!root.ok()) return root.error();
  Expression e;
  e.source_ = std::string(text);
  e.root_ = std::move(*root);
  return e;
}

Value Expression::evaluate(const Environment& env) const {
  if (!root_) return Value::null();
  return eval(*root_, env);
}

bool Expression::test(const Environment& env) const { return truthy(evaluate(env)); }

}  // namespace gocua::forms
