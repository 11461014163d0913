// LayeredMap (engine/layered_map.h): the layers of a register the sequencer holds — a key loaded
// from the committed views once, the staged group over the sealed over the committed, a unit's
// undo, and what sealing, committing and abandoning a group leave.
#include "engine/layered_map.h"

#include <string>

#include <gtest/gtest.h>

namespace saqme::engine {
namespace {

TEST(LayeredMapTest, EachLayerOverTheOneBelowAndAKeyLoadedOnce) {
  LayeredMap<int> held;
  int loads = 0;
  auto load = [&loads](const std::string& key) {
    ++loads;
    return key == "a" ? 1 : 0;
  };
  EXPECT_EQ(held.Get("a", load), 1);
  EXPECT_EQ(held.Get("a", load), 1);
  EXPECT_EQ(loads, 1) << "a committed key is read from the views once";

  // A unit stages and is taken back; the next one's value stays.
  held.BeginUnit();
  held.Stage("a", 2);
  held.Stage("a", 3);
  held.Stage("b", 7);
  EXPECT_EQ(held.Get("a", load), 3);
  held.UndoUnit();
  EXPECT_EQ(held.Get("a", load), 1);
  EXPECT_EQ(held.Get("b", load), 0);  // loaded: no layer had it after the undo
  held.BeginUnit();
  held.Stage("a", 4);
  held.BeginUnit();  // the unit before is kept
  held.Stage("b", 8);
  held.UndoUnit();
  EXPECT_EQ(held.Get("a", load), 4);
  EXPECT_EQ(held.Get("b", load), 0);

  // Sealed, the group's values are seen below the next group's; committed, they stay.
  held.Seal();
  EXPECT_EQ(held.Get("a", load), 4);
  held.BeginUnit();
  held.Stage("a", 5);
  EXPECT_EQ(held.Get("a", load), 5);
  held.Commit();  // the sealed group (a = 4) is durable; the staged one is still above it
  EXPECT_EQ(held.Get("a", load), 5);
  held.Seal();
  // A failed write forgets the sealed group: back to the committed value.
  held.Abandon();
  EXPECT_EQ(held.Get("a", load), 4);
  held.Stage("a", 6);
  held.Seal();
  held.Commit();
  EXPECT_EQ(held.Get("a", load), 6);
  EXPECT_EQ(loads, 2);
}

}  // namespace
}  // namespace saqme::engine
