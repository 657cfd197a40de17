#include "report/LockGraph.h"

#include "core/Paths.h"
#include "llvm/Support/Path.h"
#include <map>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace modlint {

namespace {
llvm::Error malformed(const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "its lock graph is malformed: " + What);
}

Object placeJson(const FilePlace &Place, llvm::StringRef Root) {
  return Object{{"file", relativeTo(Place.File, Root)},
                {"offset", static_cast<int64_t>(Place.Offset)}};
}

Object lockJson(const std::string &Lock, const std::string &Owner, const FilePlace &Place,
                llvm::StringRef Root) {
  Object Out = placeJson(Place, Root);
  Out["lock"] = Lock;
  Out["owner"] = Owner;
  return Out;
}

Object edgeJson(const LockEdge &Edge, llvm::StringRef Root) {
  return Object{{"outer", lockJson(Edge.OuterLock, Edge.OuterOwner, Edge.Outer, Root)},
                {"inner", lockJson(Edge.InnerLock, Edge.InnerOwner, Edge.Inner, Root)},
                {"via", Edge.Via},
                {"at", placeJson(Edge.At, Root)}};
}

/// Reads the graph's objects, checking every field: a report is input.
class GraphReader {
public:
  explicit GraphReader(std::string Root) : Root(std::move(Root)) {}

  llvm::Error string(const Object &From, llvm::StringRef Key, std::string &Out) {
    std::optional<llvm::StringRef> Text = From.getString(Key);
    if (!Text)
      return malformed("'" + Key + "' is not a string");
    Out = Text->str();
    return llvm::Error::success();
  }

  llvm::Error place(const Object *From, FilePlace &Out) {
    if (!From)
      return malformed("a place is not an object");
    std::optional<int64_t> Offset = From->getInteger("offset");
    if (!Offset || *Offset < 0)
      return malformed("a place has no offset");
    if (llvm::Error Err = string(*From, "file", Out.File))
      return Err;
    if (Out.File.empty())
      return malformed("a place has an empty file");
    if (!llvm::sys::path::is_absolute(Out.File)) {
      llvm::SmallString<256> Path(Root);
      llvm::sys::path::append(Path, Out.File);
      Out.File = absolutePath(Path);
    }
    Out.Offset = static_cast<uint64_t>(*Offset);
    return llvm::Error::success();
  }

  llvm::Error lock(const Object *From, std::string &Lock, std::string &Owner, FilePlace &Where) {
    if (!From)
      return malformed("a lock is not an object");
    if (llvm::Error Err = string(*From, "lock", Lock))
      return Err;
    if (llvm::Error Err = string(*From, "owner", Owner))
      return Err;
    return place(From, Where);
  }

  llvm::Expected<LockEdge> edge(const Value &From) {
    const Object *O = From.getAsObject();
    if (!O)
      return malformed("an edge is not an object");
    LockEdge Edge;
    if (llvm::Error Err = lock(O->getObject("outer"), Edge.OuterLock, Edge.OuterOwner, Edge.Outer))
      return std::move(Err);
    if (llvm::Error Err = lock(O->getObject("inner"), Edge.InnerLock, Edge.InnerOwner, Edge.Inner))
      return std::move(Err);
    if (llvm::Error Err = string(*O, "via", Edge.Via))
      return std::move(Err);
    if (llvm::Error Err = place(O->getObject("at"), Edge.At))
      return std::move(Err);
    return Edge;
  }

private:
  std::string Root;
};
} // namespace

LockGraph runLockGraph(const LintResult &Result, const std::string &ProjectRoot) {
  LockGraph Graph;
  for (const std::vector<LockEdge> &Unit : Result.LockEdges)
    if (!Unit.empty())
      Graph.Units.push_back(Unit);
  Graph.Order = Result.LockOrder;
  Graph.ProjectRoot = ProjectRoot;
  return Graph;
}

Value lockGraphJson(const LockGraph &Graph) {
  // Units sorted, so that a run and its shards merged write one graph.
  std::vector<std::vector<LockEdge>> Sorted;
  for (const std::vector<LockEdge> &Unit : Graph.Units)
    if (!Unit.empty())
      Sorted.push_back(Unit);
  llvm::sort(Sorted);
  std::map<LockEdge, int64_t> Index;
  Array Edges, Units;
  for (const std::vector<LockEdge> &Unit : Sorted) {
    Array Indices;
    for (const LockEdge &Edge : Unit) {
      auto [Found, New] = Index.try_emplace(Edge, static_cast<int64_t>(Edges.size()));
      if (New)
        Edges.push_back(edgeJson(Edge, Graph.ProjectRoot));
      Indices.push_back(Found->second);
    }
    Units.push_back(std::move(Indices));
  }
  Array Order;
  for (const std::string &Name : Graph.Order)
    Order.push_back(Name);
  return Object{{"projectRoot", Graph.ProjectRoot},
                {"lockOrder", std::move(Order)},
                {"edges", std::move(Edges)},
                {"units", std::move(Units)}};
}

llvm::Expected<LockGraph> readLockGraph(const Value &Json, llvm::StringRef Root) {
  const Object *O = Json.getAsObject();
  if (!O)
    return malformed("not an object");
  const Array *Edges = O->getArray("edges");
  const Array *Units = O->getArray("units");
  const Array *Order = O->getArray("lockOrder");
  std::optional<llvm::StringRef> OwnRoot = O->getString("projectRoot");
  if (!Edges || !Units || !Order || !OwnRoot)
    return malformed("it needs 'projectRoot', 'lockOrder', 'edges' and 'units'");
  LockGraph Graph;
  Graph.ProjectRoot = Root.empty() ? OwnRoot->str() : Root.str();
  GraphReader Reader(Graph.ProjectRoot);
  std::vector<LockEdge> Read;
  for (const Value &Edge : *Edges) {
    auto E = Reader.edge(Edge);
    if (!E)
      return E.takeError();
    Read.push_back(std::move(*E));
  }
  for (const Value &Name : *Order) {
    if (!Name.getAsString())
      return malformed("a lockOrder entry is not a string");
    Graph.Order.push_back(Name.getAsString()->str());
  }
  for (const Value &Unit : *Units) {
    const Array *Indices = Unit.getAsArray();
    if (!Indices)
      return malformed("a unit is not an array of edge indices");
    std::vector<LockEdge> &Own = Graph.Units.emplace_back();
    for (const Value &I : *Indices) {
      std::optional<int64_t> N = I.getAsInteger();
      if (!N || *N < 0 || static_cast<uint64_t>(*N) >= Read.size())
        return malformed("a unit names an edge that is not there");
      Own.push_back(Read[*N]);
    }
  }
  return Graph;
}

} // namespace modlint
