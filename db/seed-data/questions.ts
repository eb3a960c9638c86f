import type { Db } from "../client";
import { questionMessages, questions } from "../schema";
import { demoId } from "./random";

/** Sam's question to the Riverside Gardeners' organizers before a first garden morning, and Alex's reply. */
export async function insertDemoQuestions(db: Db, exists: (id: string) => boolean, now = new Date()): Promise<void> {
  const activityId = demoId("activity:garden-morning#0");
  const groupId = demoId("group:riverside-gardeners");
  if (!exists(groupId)) return;
  const asked = new Date(now.getTime() - 2 * 86_400_000);
  const replied = new Date(asked.getTime() + 3 * 3_600_000);
  const id = demoId("question:sam-garden-morning");
  await db.insert(questions).values({ id, groupId, activityId: exists(activityId) ? activityId : null, askerId: demoId("user:member@example.com"), subject: "Garden work morning", lastMessageAt: replied, createdAt: asked });
  await db.insert(questionMessages).values([
    { questionId: id, authorId: demoId("user:member@example.com"), fromOrganizers: false, body: "Is it OK if I come on my own? I've never done any gardening.", createdAt: asked },
    { questionId: id, authorId: demoId("user:organizer@example.com"), fromOrganizers: true, body: "Of course! Most people come on their own the first time. Nia will show you round, and there's always tea.", createdAt: replied },
  ]);
}
