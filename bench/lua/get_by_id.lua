-- GET /v1/pessoas/{id} with ids drawn at random from the file the seeder wrote (one uuid a line).
-- Usage: wrk ... -s get_by_id.lua URL -- IDS_FILE
local ids = {}
local threads = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  math.randomseed(4242 + (thread_index or 0) * 7919)
end

function request()
  return wrk.format("GET", "/v1/pessoas/" .. ids[math.random(#ids)])
end
